namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>Stable identifiers of every finding about R4 pool requests and batches (for tests, scripts and the UI).</summary>
public static class R4Codes
{
    // Add: what qubesd checks, in its order (qubes/api/admin.py pool_add)
    public const string UnknownDriver = "r4-unknown-driver";
    public const string NotAscii = "r4-not-ascii";
    public const string PoolNameEmpty = "r4-pool-name-empty";
    public const string PoolNameCharset = "r4-pool-name-charset";
    public const string PoolExists = "r4-pool-exists";
    public const string OptionKeyInvalid = "r4-option-key-invalid";
    public const string OptionDuplicate = "r4-option-duplicate";
    public const string OptionUnknown = "r4-option-unknown";
    public const string OptionMissing = "r4-option-missing";

    // Add: values the driver constructors or setup would refuse
    public const string OptionEmpty = "r4-option-empty";
    public const string OptionLineBreak = "r4-option-line-break";
    public const string OptionControlCharacter = "r4-option-control-character";
    public const string NotBoolean = "r4-not-boolean";
    public const string NotRevisions = "r4-not-revisions";
    public const string RevisionsNegativeR42 = "r4-revisions-negative-r42";
    public const string RevisionsAboveLimit = "r4-revisions-above-limit";
    public const string DirPathInvalid = "r4-dir-path-invalid";
    public const string LvmNameInvalid = "r4-lvm-name-invalid";
    public const string ZfsDatasetInvalid = "r4-zfs-dataset-invalid";
    public const string RequestTooLarge = "r4-request-too-large";

    // Add: accepted, but worth a look
    public const string FalseStoredAsTextR42 = "r4-false-stored-as-text-r42";
    public const string PoolNamedDefault = "r4-pool-named-default";
    public const string FileDriverDeprecated = "r4-file-driver-deprecated";
    public const string ReflinkCheckOff = "r4-reflink-check-off";
    public const string UnknownDriverOptions = "r4-unknown-driver-options";

    // Set
    public const string PoolNotFound = "r4-pool-not-found";
    public const string SetNotSupported = "r4-set-not-supported";
    public const string SetUnchanged = "r4-set-unchanged";

    // Remove
    public const string PoolHasVolumes = "r4-pool-has-volumes";
    public const string PoolIsDefault = "r4-pool-is-default";
    public const string PoolMayBeDefault = "r4-pool-may-be-default";

    // Default pools
    public const string NotDefaultProperty = "r4-not-default-property";
    public const string KernelPoolDriver = "r4-kernel-pool-driver";

    // Batch
    public const string BatchEmpty = "r4-batch-empty";
    public const string AddThenRemove = "r4-add-then-remove";
    public const string RepeatedStep = "r4-repeated-step";

    // Staleness
    public const string PoolsChanged = "r4-pools-changed";
}
