using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Storage;

/// <summary>
/// Loads and safely saves storage.conf. A save is refused with a conflict when the file's bytes changed since
/// they were loaded (compared by SHA-256, under an exclusive lock shared by every writer), keeps the previous
/// version in a history folder, and replaces the file atomically (<see cref="AtomicFileWriter"/>).
/// </summary>
public sealed class ConfFileStore(ConfFileStoreOptions options)
{
    private const string HistoryStampFormat = "yyyyMMdd'T'HHmmssfff'Z'";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The text this store last read or wrote, with the SHA-256 of its bytes. A load that reads exactly these bytes, and
    // a save whose expected hash is this one, compare bytes with this text instead of hashing the file again (exact,
    // and much faster on a large file: SHA-256 is most of a no-op load + save); any other case hashes and decodes.
    // Replaced whole, so concurrent readers see one consistent pair.
    private Known? _known;

    private sealed record Known(string Sha256, string Text);

    /// <summary>The settings.</summary>
    public ConfFileStoreOptions Options { get; } = options;

    /// <summary>The storage.conf path.</summary>
    public string Path => Options.Path;

    /// <summary>Reads the file. Never throws for a missing, unreadable or non-UTF-8 file.</summary>
    public LoadResult Load()
    {
        PooledBytes bytes;
        try
        {
            bytes = PooledBytes.ReadFile(Path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new LoadResult(LoadStatus.Missing, null, null, Diagnostic.Error(DiagnosticCodes.FileMissing,
                $"{Path} does not exist. Without it Qubes has no pools, and every VM in the default pool fails to load. Restore the file Qubes ships."));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadResult(LoadStatus.Unreadable, null, null, Diagnostic.Error(DiagnosticCodes.FileUnreadable,
                $"{Path} cannot be read: {ex.Message}"));
        }
        using (bytes)
        {
            var load = Volatile.Read(ref _known) is { } known && IsTextOf(bytes.Span, known.Text)
                ? new LoadResult(LoadStatus.Loaded, StorageConfDocument.Parse(known.Text), known.Sha256, null)
                : FromBytes(bytes.Span);
            if (load.Document is { } document) Volatile.Write(ref _known, new Known(load.Sha256!, document.ToText()));
            return load;
        }
    }

    /// <summary>Decodes bytes as Qubes' file (UTF-8 without replacement; the hash is of the exact bytes).</summary>
    public static LoadResult FromBytes(byte[] bytes) => FromBytes(bytes.AsSpan());

    private static LoadResult FromBytes(ReadOnlySpan<byte> bytes)
    {
        var sha = Sha256Hex(bytes);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            int at = Math.Max(0, ex.Index);
            int line = 1 + bytes[..Math.Min(at, bytes.Length)].Count((byte)'\n');
            return new LoadResult(LoadStatus.Unreadable, null, sha, Diagnostic.Error(DiagnosticCodes.NotUtf8,
                $"Line {line} has bytes that are not UTF-8 text; the console will not edit a file it cannot show exactly. Fix or remove that line in a text editor.", line));
        }
        return new LoadResult(LoadStatus.Loaded, StorageConfDocument.Parse(text), sha, null);
    }

    /// <summary>
    /// Writes <paramref name="newText"/> if the file on disk still has the hash <paramref name="expectedSha256"/>
    /// (null: the file must still be missing). Nothing is written on conflict or failure.
    /// </summary>
    public SaveResult Save(string newText, string? expectedSha256)
    {
        using var newBytes = PooledBytes.Encode(newText, StrictUtf8);
        try
        {
            using var _ = FileLock.Acquire(Options.LockPath, Options.LockTimeout);
            RemoveLeftovers();
            using var current = File.Exists(Path) ? PooledBytes.ReadFile(Path) : (PooledBytes?)null;
            string? currentSha = current is { } c ? (IsKnown(c.Span, expectedSha256, newText, newBytes.Span) ? expectedSha256 : Sha256Hex(c.Span)) : null;
            if (currentSha != expectedSha256)
            {
                string? currentText = null;
                try { currentText = current is { } cc ? StrictUtf8.GetString(cc.Span) : null; }
                catch (DecoderFallbackException) { }
                return new SaveResult(SaveStatus.Conflict, currentSha, currentText, null,
                    current is null
                        ? $"{Path} was deleted since it was loaded; nothing was written. Reload to see the current state."
                        : $"{Path} was changed by someone else since it was loaded; nothing was written. Review their change, then rebase or discard yours.");
            }
            if (current is { } same && same.Span.SequenceEqual(newBytes.Span))
            {
                return new SaveResult(SaveStatus.Unchanged, currentSha, null, null, "No changes: the file already has this content.");
            }
            var newSha = Sha256Hex(newBytes.Span);
            string? kept = current is { } old ? KeepInHistory(old.Span) : null;
            AtomicFileWriter.Write(Path, newBytes.Span);
            Volatile.Write(ref _known, new Known(newSha, newText));
            return new SaveResult(SaveStatus.Saved, newSha, null, kept,
                kept is null ? $"Created {Path}." : $"Saved {Path}; the previous version is kept as {System.IO.Path.GetFileName(kept)}.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException)
        {
            return new SaveResult(SaveStatus.Failed, null, null, null, $"Could not save {Path}: {ex.Message} The file was not changed.");
        }
    }

    /// <summary>True when <paramref name="current"/> are exactly the bytes of the known text whose hash is <paramref name="expectedSha256"/>.</summary>
    private bool IsKnown(ReadOnlySpan<byte> current, string? expectedSha256, string newText, ReadOnlySpan<byte> newBytes)
    {
        if (expectedSha256 is null || Volatile.Read(ref _known) is not { } known || known.Sha256 != expectedSha256) return false;
        if (string.Equals(known.Text, newText, StringComparison.Ordinal)) return current.SequenceEqual(newBytes); // already encoded
        return IsTextOf(current, known.Text);
    }

    /// <summary>True when <paramref name="bytes"/> are exactly the UTF-8 encoding of <paramref name="text"/> (so their hash is the text's).</summary>
    private static bool IsTextOf(ReadOnlySpan<byte> bytes, string text)
    {
        using var encoded = PooledBytes.Encode(text, StrictUtf8);
        return bytes.SequenceEqual(encoded.Span);
    }

    /// <summary>Previous versions, newest first.</summary>
    public IReadOnlyList<HistoryEntry> History()
    {
        if (!Directory.Exists(Options.HistoryDirectory)) return [];
        var prefix = System.IO.Path.GetFileName(Path) + ".";
        return new DirectoryInfo(Options.HistoryDirectory).EnumerateFiles(prefix + "*")
            .Select(f => (f, stamp: ParseStamp(f.Name[prefix.Length..])))
            .Where(x => x.stamp is not null)
            .OrderByDescending(x => x.f.Name, StringComparer.Ordinal)
            .Select(x => new HistoryEntry(x.f.FullName, x.stamp!.Value, x.f.Length))
            .ToList();
    }

    /// <summary>Removes temp files left by a writer that crashed (beside the file and in the history folder); returns how many.</summary>
    public int RemoveLeftovers()
    {
        var name = System.IO.Path.GetFileName(Path);
        // History copies are written atomically too ("<prefix>storage.conf.<stamp>.<id>"), so a crash can leave one there.
        return AtomicFileWriter.RemoveLeftovers(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, name)
            + AtomicFileWriter.RemoveLeftovers(Options.HistoryDirectory, name);
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string KeepInHistory(ReadOnlySpan<byte> current)
    {
        Directory.CreateDirectory(Options.HistoryDirectory);
        var baseName = System.IO.Path.GetFileName(Path) + "." + DateTime.UtcNow.ToString(HistoryStampFormat, CultureInfo.InvariantCulture);
        var target = System.IO.Path.Combine(Options.HistoryDirectory, baseName);
        for (int n = 1; File.Exists(target); n++) target = System.IO.Path.Combine(Options.HistoryDirectory, $"{baseName}-{n}");
        AtomicFileWriter.Write(target, current, (UnixFileMode)0b110_100_000);
        foreach (var old in History().Skip(Options.HistoryLimit)) File.Delete(old.Path);
        return target;
    }

    private static DateTimeOffset? ParseStamp(string suffix)
    {
        var stamp = suffix.Split('-')[0];
        return DateTime.TryParseExact(stamp, HistoryStampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero)
            : null;
    }
}
