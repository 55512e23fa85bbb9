namespace QubesPoolConsole.Core.Diagnostics;

/// <summary>Stable identifiers of every diagnostic the core emits (for tests, scripts and the UI).</summary>
public static class DiagnosticCodes
{
    // Reading the file (Qubes cannot read it at all)
    public const string NotUtf8 = "not-utf8";
    public const string ByteOrderMark = "bom";
    public const string NulByte = "nul-byte";
    public const string KeyBeforeSection = "key-before-section";
    public const string InvalidLine = "invalid-line";
    public const string FileMissing = "file-missing";
    public const string FileUnreadable = "file-unreadable";

    // Merging (Qubes reads it, last one wins)
    public const string DuplicateSection = "duplicate-section";
    public const string DuplicateKey = "duplicate-key";

    // Pool rules
    public const string DefaultPoolMissing = "default-missing";
    public const string DefaultPoolHasKeys = "default-has-keys";
    public const string ReservedSectionName = "reserved-section-name";
    public const string DefaultsSectionKeys = "defaults-section-keys";
    public const string InvalidPoolName = "invalid-pool-name";
    public const string PoolExists = "pool-exists";
    public const string PoolNotFound = "pool-not-found";
    public const string NoDriver = "no-driver";
    public const string UnknownDriver = "unknown-driver";
    public const string InvalidClass = "invalid-class";
    public const string XenStorageClass = "xen-storage-class";
    public const string DirPathMissing = "dir-path-missing";
    public const string DirPathEmpty = "dir-path-empty";
    public const string DirPathTooLong = "dir-path-too-long";
    public const string DirPathControlCharacter = "dir-path-control-character";
    public const string DirPathRelative = "dir-path-relative";
    public const string DirPathDotSegment = "dir-path-dot-segment";
    public const string DirPathNotNormalized = "dir-path-not-normalized";

    // The directory on this machine (warnings: the file may be written before the disk is mounted)
    public const string DirPathNotOnDisk = "dir-path-not-on-disk";
    public const string DirPathNotDirectory = "dir-path-not-directory";
    public const string DirPathParentMissing = "dir-path-parent-missing";
    public const string XenExtraKey = "xen-extra-key";
    public const string ReservedKey = "reserved-key";
    public const string InvalidKey = "invalid-key";
    public const string KeyCase = "key-case";
    public const string MultiLineValue = "multi-line-value";
    public const string InvalidValue = "invalid-value";
    public const string CustomDriverUnchecked = "custom-driver-unchecked";

    // The change against qubes.xml (see ChangeJudge)
    public const string PoolInUse = "pool-in-use";
    public const string PoolUsageUnknown = "pool-usage-unknown";
    public const string PoolMoved = "pool-moved";
    public const string PoolMoveUnchecked = "pool-move-unchecked";
}
