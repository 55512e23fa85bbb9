using System.Text.RegularExpressions;

namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// Checks option values the way qubesd and the drivers would parse them, before anything is sent, and gives the
/// text to send and the text qubesd will store.
/// </summary>
public static partial class R4OptionValue
{
    /// <summary>Linux PATH_MAX.</summary>
    public const int MaxPathLength = 4096;

    /// <summary>Longest LVM volume group or logical volume name.</summary>
    public const int MaxLvmNameLength = 127;

    /// <summary>Longest ZFS dataset name (ZFS_MAX_DATASET_NAME_LEN - 1).</summary>
    public const int MaxDatasetLength = 255;

    /// <summary>Python's str.splitlines() separators that can occur in ASCII: qubesd splits the Add payload on them.</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e';

    /// <summary>Checks <paramref name="value"/> as a value of type <paramref name="type"/>.</summary>
    public static R4ValueCheck Check(R4OptionType type, string value, R4Release release) => type switch
    {
        R4OptionType.Bool => Bool(value),
        R4OptionType.Revisions => Revisions(value, release),
        R4OptionType.Path => Path(value),
        R4OptionType.LvmName => LvmName(value),
        R4OptionType.ZfsDataset => ZfsDataset(value),
        _ => Text(value),
    };

    /// <summary>
    /// The spellings qubes.property.bool accepts (qubes/__init__.py:484-502, case-insensitive); the console sends
    /// True or False, the only spellings every R4 parser of the option takes (utils.parse_bool is case-sensitive).
    /// </summary>
    public static R4ValueCheck Bool(string value)
    {
        var lc = value.ToLowerInvariant();
        if (lc is "1" or "yes" or "true" or "on") return R4ValueCheck.Ok("True");
        if (lc is "0" or "no" or "false" or "off") return R4ValueCheck.Ok("False");
        return R4ValueCheck.Refused(R4Codes.NotBoolean,
            $"is '{Show(value)}', which is not a boolean; use True or False (qubesd also reads yes/no, on/off, 1/0)", value);
    }

    /// <summary>
    /// A revisions count as admin.pool.Set.revisions_to_keep parses it (api/__init__.py validate_size): ASCII digits,
    /// no leading zero, fewer than 20 digits; R4.3 also takes -1 (snapshots disabled), R4.2 nothing negative.
    /// </summary>
    public static R4ValueCheck Revisions(string value, R4Release release)
    {
        if (value == "-1")
        {
            return release == R4Release.R4_3 ? R4ValueCheck.Ok(value)
                : R4ValueCheck.Refused(R4Codes.RevisionsNegativeR42, "is -1, which Qubes R4.2 refuses (only R4.3 takes -1, meaning no snapshots); use 0 or more", value);
        }
        if (!DecimalDigits().IsMatch(value))
        {
            return R4ValueCheck.Refused(R4Codes.NotRevisions,
                $"is '{Show(value)}'; give a whole number written with digits only and no leading zero, such as 0, 1 or 2{(release == R4Release.R4_3 ? " (or -1 for no snapshots)" : "")}", value);
        }
        return R4ValueCheck.Ok(value);
    }

    /// <summary>
    /// An absolute directory path without '.' or '..' parts (a '..' under a symlink does not mean what it seems).
    /// Stored as Python's os.path.normpath gives it (file.py:117, reflink.py:92 abspath).
    /// </summary>
    public static R4ValueCheck Path(string value)
    {
        if (value.Length == 0) return R4ValueCheck.Refused(R4Codes.OptionEmpty, "is empty; give an absolute path such as /var/lib/qubes-pools/ssd", value);
        if (value.Length > MaxPathLength) return R4ValueCheck.Refused(R4Codes.DirPathInvalid, $"is {value.Length} characters long; Linux paths hold at most {MaxPathLength}", value);
        if (value[0] != '/') return R4ValueCheck.Refused(R4Codes.DirPathInvalid, $"'{Show(value)}' is relative; qubesd would resolve it against its own working directory, so give an absolute path starting with '/'", value);
        var parts = value.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p is "." or ".."))
        {
            return R4ValueCheck.Refused(R4Codes.DirPathInvalid, $"'{Show(value)}' contains '.' or '..'; write the real absolute path", value);
        }
        // posixpath.normpath keeps exactly two leading slashes (POSIX leaves their meaning to the system).
        var lead = value.StartsWith("//", StringComparison.Ordinal) && !value.StartsWith("///", StringComparison.Ordinal) ? "//" : "/";
        return R4ValueCheck.Ok(value, lead + string.Join('/', parts));
    }

    /// <summary>An LVM name (lvm(8) "VALID NAMES"): a-z A-Z 0-9 + _ . -, not starting with '-', not '.' or '..'.</summary>
    public static R4ValueCheck LvmName(string value)
    {
        if (value.Length == 0) return R4ValueCheck.Refused(R4Codes.OptionEmpty, "is empty; give the LVM name as lvs shows it", value);
        if (value.Length > MaxLvmNameLength || !LvmChars().IsMatch(value) || value[0] == '-' || value is "." or "..")
        {
            return R4ValueCheck.Refused(R4Codes.LvmNameInvalid,
                $"'{Show(value)}' is not an LVM name (letters, digits, '+', '_', '.', '-', not starting with '-', at most {MaxLvmNameLength}); lvs would not find it and qubesd would answer 'Thin pool … does not exist'", value);
        }
        return R4ValueCheck.Ok(value);
    }

    /// <summary>A ZFS dataset name: pool/child/…, each part of letters, digits, '_', '-', ':', '.' or spaces; no '@' or '#'.</summary>
    public static R4ValueCheck ZfsDataset(string value)
    {
        if (value.Length == 0) return R4ValueCheck.Refused(R4Codes.OptionEmpty, "is empty; give a dataset such as tank/qubes", value);
        if (value[0] == '/')
        {
            return R4ValueCheck.Refused(R4Codes.ZfsDatasetInvalid, $"'{Show(value)}' starts with '/': give the dataset name (such as tank/qubes), not a mount point", value);
        }
        if (value.Length > MaxDatasetLength || !DatasetName().IsMatch(value))
        {
            return R4ValueCheck.Refused(R4Codes.ZfsDatasetInvalid,
                $"'{Show(value)}' is not a ZFS dataset name (parts separated by single '/', each of letters, digits, '_', '-', ':', '.' or spaces, the first starting with a letter)", value);
        }
        return R4ValueCheck.Ok(value);
    }

    /// <summary>Free text: anything on one line that is not empty.</summary>
    public static R4ValueCheck Text(string value)
        => value.Length == 0 ? R4ValueCheck.Refused(R4Codes.OptionEmpty, "is empty", value) : R4ValueCheck.Ok(value);

    /// <summary>
    /// Problems any payload text has, whatever its type: non-ASCII (qubesd decodes the payload as ASCII), line
    /// breaks (they split the option), other control characters (qubes.xml cannot hold them: lxml refuses them
    /// when qubesd saves, after the pool's setup already ran).
    /// </summary>
    public static R4ValueCheck? TextProblem(string value)
    {
        foreach (char c in value)
        {
            if (c > 0x7f) return R4ValueCheck.Refused(R4Codes.NotAscii, $"contains the non-ASCII character {Describe(c)}; qubesd reads the request as ASCII and gives an empty reply", value);
            if (IsLineBreak(c)) return R4ValueCheck.Refused(R4Codes.OptionLineBreak, $"contains {Describe(c)}, which would split it into another option line", value);
            if (char.IsControl(c)) return R4ValueCheck.Refused(R4Codes.OptionControlCharacter, $"contains {Describe(c)}; qubes.xml cannot hold it, and qubesd would fail to save after setting the pool up", value);
        }
        return null;
    }

    /// <summary>A character named for a sentence.</summary>
    public static string Describe(char c) => c switch
    {
        '\n' => "a line break",
        '\r' => "a carriage return",
        '\t' => "a tab",
        '\0' => "a NUL byte",
        ' ' => "a space",
        _ when char.IsControl(c) || c > 0x7f => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    /// <summary>The value shortened to 40 characters with controls shown as '?', for sentences.</summary>
    public static string Show(string value)
    {
        var clean = new string([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 40 ? clean + "…" : clean;
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,18})\z")]
    private static partial Regex DecimalDigits();

    [GeneratedRegex(@"^[A-Za-z0-9+_.\-]+\z")]
    private static partial Regex LvmChars();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-:. ]*(/[A-Za-z0-9_\-:. ]+)*\z")]
    private static partial Regex DatasetName();
}
