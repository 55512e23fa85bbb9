namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>Stable identifiers of every finding about R4 pool requests and batches (for tests, scripts and the UI).</summary>
public static class R4Codes
{
    // Every R4 code starts so, to tell it from a storage.conf diagnostic code.
    private const string P = "r4-";

    // Add: what qubesd checks, in its order (qubes/api/admin.py pool_add)
    public const string UnknownDriver = P + "unknown-driver";
    public const string NotAscii = P + "not-ascii";
    public const string PoolNameEmpty = P + "pool-name-empty";
    public const string PoolNameCharset = P + "pool-name-charset";
    public const string PoolExists = P + "pool-exists";
    public const string OptionKeyInvalid = P + "option-key-invalid";
    public const string OptionDuplicate = P + "option-duplicate";
    public const string OptionUnknown = P + "option-unknown";
    public const string OptionMissing = P + "option-missing";

    // Add: values the driver constructors or setup would refuse
    public const string OptionEmpty = P + "option-empty";
    public const string OptionLineBreak = P + "option-line-break";
    public const string OptionControlCharacter = P + "option-control-character";
    public const string NotBoolean = P + "not-boolean";
    public const string NotRevisions = P + "not-revisions";
    public const string RevisionsNegativeR42 = P + "revisions-negative-r42";
    public const string RevisionsAboveLimit = P + "revisions-above-limit";
    public const string DirPathInvalid = P + "dir-path-invalid";
    public const string LvmNameInvalid = P + "lvm-name-invalid";
    public const string ZfsDatasetInvalid = P + "zfs-dataset-invalid";
    public const string RequestTooLarge = P + "request-too-large";

    // Add: accepted, but worth a look
    public const string FalseStoredAsTextR42 = P + "false-stored-as-text-r42";
    public const string PoolNamedDefault = P + "pool-named-default";
    public const string FileDriverDeprecated = P + "file-driver-deprecated";
    public const string ReflinkCheckOff = P + "reflink-check-off";
    public const string UnknownDriverOptions = P + "unknown-driver-options";

    // Set
    public const string PoolNotFound = P + "pool-not-found";
    public const string SetNotSupported = P + "set-not-supported";
    public const string SetUnchanged = P + "set-unchanged";

    // Remove
    public const string PoolHasVolumes = P + "pool-has-volumes";
    public const string PoolIsDefault = P + "pool-is-default";
    public const string PoolMayBeDefault = P + "pool-may-be-default";

    // Default pools
    public const string NotDefaultProperty = P + "not-default-property";
    public const string KernelPoolDriver = P + "kernel-pool-driver";

    // Batch
    public const string BatchEmpty = P + "batch-empty";
    public const string AddThenRemove = P + "add-then-remove";
    public const string RepeatedStep = P + "repeated-step";

    // New VM (qubes/api/admin.py _vm_create, qubes/vm/qubesvm.py _patch_pool_config)
    public const string VmNameInvalid = P + "vm-name-invalid";
    public const string VmExists = P + "vm-exists";
    public const string LabelUnknown = P + "label-unknown";
    public const string TemplateUnknown = P + "template-unknown";
    public const string VmPoolUnknown = P + "vm-pool-unknown";
    public const string VolumeUnknown = P + "volume-unknown";
    public const string SnapshotCannotMove = P + "snapshot-cannot-move";
    public const string PoolTooSmall = P + "pool-too-small";
    public const string VmClassUnknown = P + "vm-class-unknown";
    public const string VmPoolMixed = P + "vm-pool-mixed";
    public const string KernelPoolOnly = P + "kernel-pool-only";
    public const string KernelNotInKernelPool = P + "kernel-not-in-kernel-pool";

    // Staleness
    public const string PoolsChanged = P + "pools-changed";
}
