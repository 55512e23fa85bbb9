namespace QubesPoolConsole.Core.Tests.Storage;

/// <summary>
/// A store checks a load or a save against the text it last read or wrote by comparing bytes, and hashes the file
/// only otherwise. These prove it decides exactly as hashing the file every time would: a conflict if and only if the
/// file's bytes are not those whose hash the caller expects.
/// </summary>
public class KnownTextCheckTests
{
    private const string A = "[default]\ndriver=xen\n";
    private const string B = "[default]\ndriver=xon\n"; // same length as A
    private const string C = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/p\n";

    [Fact]
    public void NoOpSave_AfterASameLengthChangeBehindItsBack_IsAConflict()
    {
        using var box = new TempConsoleFiles(A);
        var load = box.Store.Load();
        File.WriteAllText(box.ConfPath, B);

        var save = box.Store.Save(load.Document!.ToText(), load.Sha256);

        Assert.Equal(SaveStatus.Conflict, save.Status);
        Assert.Equal(B, save.CurrentText);
        Assert.Equal(B, box.ConfText);
    }

    [Fact]
    public void SaveAfterItsOwnSave_WhenTheFileChangedSince_IsAConflict()
    {
        using var box = new TempConsoleFiles(A);
        var saved = box.Store.Save(C, box.Store.Load().Sha256);
        File.WriteAllText(box.ConfPath, C.Replace("/p", "/q"));

        var again = box.Store.Save(A, saved.Sha256);

        Assert.Equal(SaveStatus.Conflict, again.Status);
        Assert.Equal(C.Replace("/p", "/q"), box.ConfText);
    }

    [Fact]
    public void NoOpSave_OfTheLoadedText_IsUnchangedWithTheLoadedHash()
    {
        using var box = new TempConsoleFiles(A);
        var load = box.Store.Load();

        var save = box.Store.Save(load.Document!.ToText(), load.Sha256);

        Assert.Equal(SaveStatus.Unchanged, save.Status);
        Assert.Equal(load.Sha256, save.Sha256);
    }

    [Fact]
    public void LoadAfterASameLengthChangeBehindItsBack_ReadsTheNewText()
    {
        using var box = new TempConsoleFiles(A);
        box.Store.Load();
        File.WriteAllText(box.ConfPath, B);

        var load = box.Store.Load();

        Assert.Equal(B, load.Document!.ToText());
        Assert.Equal(ConfFileStore.Sha256Hex(Encoding.UTF8.GetBytes(B)), load.Sha256);
    }

    [Fact]
    public void AnySequenceOfLoadsSavesAndOutsideWrites_DecidesAsHashingTheFileWould()
    {
        // Each step: 0 = load, 1 = save C or A with the hash of the last load, 2 = save with the hash of the last save,
        // 3 = someone else writes A, B or C, 4 = save with a stale hash from two steps back.
        string[] texts = [A, B, C];
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2]).Array[1, 12].Sample(steps =>
        {
            using var box = new TempConsoleFiles(A);
            var hashes = new List<string?> { box.Store.Load().Sha256 };
            string? lastSave = null;
            foreach (var (kind, pick) in steps)
            {
                if (kind == 0)
                {
                    var load = box.Store.Load();
                    Assert.Equal(File.ReadAllText(box.ConfPath), load.Document!.ToText());
                    Assert.Equal(ConfFileStore.Sha256Hex(File.ReadAllBytes(box.ConfPath)), load.Sha256);
                    hashes.Add(load.Sha256);
                    continue;
                }
                if (kind == 3) { File.WriteAllText(box.ConfPath, texts[pick]); continue; }
                var expected = kind switch { 1 => hashes[^1], 2 => lastSave ?? hashes[^1], _ => hashes[Math.Max(0, hashes.Count - 2)] };
                var onDisk = ConfFileStore.Sha256Hex(File.ReadAllBytes(box.ConfPath));
                var text = texts[pick];

                var save = box.Store.Save(text, expected);

                var should = onDisk != expected ? SaveStatus.Conflict
                    : onDisk == ConfFileStore.Sha256Hex(Encoding.UTF8.GetBytes(text)) ? SaveStatus.Unchanged : SaveStatus.Saved;
                Assert.Equal(should, save.Status);
                Assert.Equal(should == SaveStatus.Conflict ? onDisk : ConfFileStore.Sha256Hex(Encoding.UTF8.GetBytes(text)), save.Sha256);
                if (should != SaveStatus.Conflict) lastSave = save.Sha256;
            }
        }, iter: 300);
    }
}
