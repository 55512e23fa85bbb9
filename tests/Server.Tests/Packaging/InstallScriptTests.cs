namespace QubesPoolConsole.Server.Tests.Packaging;

/// <summary>packaging/install.sh with --root into a temp folder, on a stand-in published folder.</summary>
public class InstallScriptTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("qpc-install-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string Published()
    {
        var pub = Directory.CreateDirectory(Path.Combine(_temp.FullName, "published")).FullName;
        File.WriteAllText(Path.Combine(pub, "QubesPoolConsole"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(pub, "QubesPoolConsole"), (UnixFileMode)0b111_101_101);
        foreach (var f in new[] { "install.sh", "qubes-pool-console.service", "appsettings.dom0.json" })
        {
            File.Copy(RepoFiles.Path("packaging", f), Path.Combine(pub, f));
        }
        Directory.CreateDirectory(Path.Combine(pub, "qubes-pool-console.service.d"));
        File.Copy(RepoFiles.Path("packaging", "qubes-pool-console.service.d", "sandbox.conf"),
            Path.Combine(pub, "qubes-pool-console.service.d", "sandbox.conf"));
        return pub;
    }

    private static (int Code, string Output) Install(string published, string root)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(published, "install.sh"), "--root", root }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }

    [Fact]
    public void Install_IntoEmptyRoot_CreatesTheDocumentedLayout()
    {
        var root = Path.Combine(_temp.FullName, "root");

        var (code, output) = Install(Published(), root);

        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(root, "opt/qubes-pool-console/QubesPoolConsole")));
        Assert.False(File.Exists(Path.Combine(root, "opt/qubes-pool-console/install.sh")));
        Assert.Equal(File.ReadAllText(RepoFiles.Path("packaging", "appsettings.dom0.json")),
            File.ReadAllText(Path.Combine(root, "etc/qubes-pool-console/appsettings.json")));
        Assert.Equal((UnixFileMode)0b111_101_000, File.GetUnixFileMode(Path.Combine(root, "var/lib/qubes-pool-console")));
        Assert.True(File.Exists(Path.Combine(root, "etc/systemd/user/qubes-pool-console.service")));
    }

    [Fact]
    public void Install_Again_KeepsTheEditedSettings()
    {
        var published = Published();
        var root = Path.Combine(_temp.FullName, "root");
        Assert.Equal(0, Install(published, root).Code);
        var settings = Path.Combine(root, "etc/qubes-pool-console/appsettings.json");
        File.WriteAllText(settings, "{ \"Console\": { \"Port\": 9000 } }");

        var (code, output) = Install(published, root);

        Assert.True(code == 0, output);
        Assert.Equal("{ \"Console\": { \"Port\": 9000 } }", File.ReadAllText(settings));
        Assert.Contains("kept", output);
    }

    [Fact]
    public void Install_WithoutPublishedExecutable_RefusesWithAHint()
    {
        var published = Published();
        File.Delete(Path.Combine(published, "QubesPoolConsole"));

        var (code, output) = Install(published, Path.Combine(_temp.FullName, "root"));

        Assert.Equal(2, code);
        Assert.Contains("run packaging/publish.sh first", output);
    }
}
