namespace QubesPoolConsole.Core.Tests.Storage;

/// <summary>Real faults — a read-only filesystem, no permission, a full disk, missing files: each a clear result, nothing lost.</summary>
public class FaultTests
{
    private const string Original = "[default]\ndriver=xen\n";
    private static readonly string Edited = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/p\n" + new string('#', 30_000) + "\n";

    [SkippableFact]
    public void ReadOnlyFilesystem_SaveFails_FileUntouched_NoTempLeft()
    {
        using var mount = TmpfsMount.TryCreate("size=256k", out var reason);
        Skip.If(mount is null, reason);
        var (conf, store, load) = OriginalOn(mount);
        mount.Remount("ro");

        var save = store.Save(Edited, load.Sha256);

        Assert.Equal(SaveStatus.Failed, save.Status);
        Assert.Contains("Could not save", save.Message);
        Assert.Contains("The file was not changed", save.Message);
        Assert.Equal(Original, File.ReadAllText(conf));
        Assert.Equal(["storage.conf"], Directory.EnumerateFileSystemEntries(mount.Dir).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void DiskFull_SaveFails_FileUntouched_NoTempLeft()
    {
        using var mount = TmpfsMount.TryCreate("size=64k", out var reason);
        Skip.If(mount is null, reason);
        var (conf, store, load) = OriginalOn(mount);
        Fill(Path.Combine(mount.Dir, "filler"), 60 * 1024 - 8192);

        var save = store.Save(Edited, load.Sha256);

        Assert.Equal(SaveStatus.Failed, save.Status);
        Assert.Contains("No space left on device", save.Message);
        Assert.Contains("The file was not changed", save.Message);
        Assert.Equal(Original, File.ReadAllText(conf));
        Assert.Equal(["filler", "storage.conf"], Directory.EnumerateFileSystemEntries(mount.Dir).Select(Path.GetFileName).Order());

        File.Delete(Path.Combine(mount.Dir, "filler"));
        Assert.Equal(SaveStatus.Saved, store.Save(Edited, load.Sha256).Status);
        Assert.Equal(Edited, File.ReadAllText(conf));
    }

    [SkippableFact]
    public void PermissionDenied_ForANonRootWriter_SaveFails_FileUntouched()
    {
        using var box = BoxForNobody();
        File.SetUnixFileMode(box.ConfPath, (UnixFileMode)0b110_100_100);
        Directory.CreateDirectory(box.StateDir);
        File.SetUnixFileMode(box.StateDir, (UnixFileMode)0b111_111_111);
        var newText = Path.Combine(box.StateDir, "new.conf");
        File.WriteAllText(newText, Edited);
        File.SetUnixFileMode(newText, (UnixFileMode)0b110_100_100);

        var run = AsNobody("once", box.ConfPath, box.StateDir, newText);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("Failed: Could not save " + box.ConfPath, run.Stdout);
        Assert.Contains("denied", run.Stdout);
        Assert.Contains("The file was not changed.", run.Stdout);
        Assert.Equal(Original, box.ConfText);
        Assert.Empty(Directory.EnumerateFiles(box.Root, AtomicFileWriter.TempPrefix + "*"));
    }

    [SkippableFact]
    public void PermissionDenied_ForANonRootReader_LoadIsUnreadable()
    {
        using var box = BoxForNobody();
        File.SetUnixFileMode(box.ConfPath, (UnixFileMode)0b110_000_000);

        var run = AsNobody("load", box.ConfPath);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"Unreadable {DiagnosticCodes.FileUnreadable} {box.ConfPath} cannot be read:", run.Stdout);
        Assert.Equal(Original, box.ConfText);
    }

    [Fact]
    public void StorageConfMissing_CatalogReportsIt_AndCreatesNothing()
    {
        using var box = new TempConsoleFiles((byte[]?)null, "<QubesVmCollection/>");

        var snapshot = box.Catalog.Read();

        Assert.Equal(LoadStatus.Missing, snapshot.Load.Status);
        Assert.False(snapshot.IsReadable);
        Assert.Empty(snapshot.Pools);
        Assert.Equal(DiagnosticCodes.FileMissing, Assert.Single(snapshot.Diagnostics).Code);
        Assert.False(File.Exists(box.ConfPath));
    }

    [Fact]
    public void QubesXmlMissing_InventoryIsEmptyWithASentence_PoolsStillListed()
    {
        using var box = new TempConsoleFiles(Original);

        var snapshot = box.Catalog.Read();

        Assert.False(snapshot.Inventory.Ok);
        Assert.Contains("does not exist, so the console cannot tell which VMs use which pool", snapshot.Inventory.Error);
        Assert.Empty(snapshot.Inventory.Collection.Vms);
        Assert.Equal(["default"], snapshot.Pools.Select(p => p.Name));
        Assert.False(File.Exists(box.QubesXmlPath));
    }

    [Fact]
    public void PoolDirectoryOnAnUnpluggedDisk_SpaceIsUnknownWithAReason()
    {
        var space = DiskSpace.Probe("/nonexistent-qpc-disk/pool");

        Assert.False(space.Known);
        Assert.Equal("the directory does not exist", space.UnknownReason);
        Assert.Equal("unknown", DiskSpace.Format(space.AvailableBytes));
    }

    private static void Fill(string path, int bytes)
    {
        try { File.WriteAllBytes(path, new byte[bytes]); }
        catch (IOException) { }
    }

    private static string? NobodyReason()
    {
        if (!Tools.IsRoot) return "not running as root, so the test cannot switch to the user nobody (setpriv)";
        if (Tools.Find("setpriv") is null) return "setpriv (util-linux) is not installed";
        // A clone under a private folder (mktemp -d is 0700) keeps nobody from the test tool itself.
        if (Tools.Exec("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r", Tools.SaveLoopDll]).ExitCode != 0)
            return $"the user nobody cannot read {Tools.SaveLoopDll} (a folder on its path is private)";
        return null;
    }

    /// <summary>Skips unless the test can run as nobody; else files with <see cref="Original"/> whose root nobody can enter.</summary>
    private static TempConsoleFiles BoxForNobody()
    {
        var reason = NobodyReason();
        Skip.If(reason is not null, reason);
        var box = new TempConsoleFiles(Original);
        File.SetUnixFileMode(box.Root, (UnixFileMode)0b111_101_101);
        return box;
    }

    private static Tools.Run AsNobody(params string[] args)
        => Tools.Exec("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Tools.DotnetHost, Tools.SaveLoopDll, .. args]);

    /// <summary>storage.conf with <see cref="Original"/> on the mount, its store, and the store's first load.</summary>
    private static (string Conf, ConfFileStore Store, LoadResult Load) OriginalOn(TmpfsMount mount)
    {
        var conf = Path.Combine(mount.Dir, "storage.conf");
        File.WriteAllText(conf, Original);
        var store = new ConfFileStore(ConfFileStoreOptions.For(conf, Path.Combine(mount.StateRoot, "state")));
        return (conf, store, store.Load());
    }
}

/// <summary>A small tmpfs mounted for one test (root only); unmounted on dispose.</summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string root)
    {
        StateRoot = root;
        Dir = Path.Combine(root, "mnt");
    }

    /// <summary>The mounted directory.</summary>
    public string Dir { get; }

    /// <summary>A normal directory beside it, for state that must stay writable.</summary>
    public string StateRoot { get; }

    public static TmpfsMount? TryCreate(string options, out string reason)
    {
        reason = "";
        if (!Tools.IsRoot)
        {
            reason = "not running as root, so no tmpfs can be mounted for this fault";
            return null;
        }
        var m = new TmpfsMount(Directory.CreateTempSubdirectory("qpc-fault-").FullName);
        Directory.CreateDirectory(m.Dir);
        var run = Tools.Exec("mount", ["-t", "tmpfs", "-o", options, "tmpfs", m.Dir]);
        if (run.ExitCode != 0)
        {
            reason = "mount -t tmpfs failed (" + run.Stderr.Trim() + "); a container without CAP_SYS_ADMIN cannot mount";
            Directory.Delete(m.StateRoot, recursive: true);
            return null;
        }
        return m;
    }

    public void Remount(string options) => Assert.Equal(0, Tools.Exec("mount", ["-o", "remount," + options, Dir]).ExitCode);

    public void Dispose()
    {
        Tools.Exec("umount", [Dir]);
        try { Directory.Delete(StateRoot, recursive: true); } catch (IOException) { }
    }
}
