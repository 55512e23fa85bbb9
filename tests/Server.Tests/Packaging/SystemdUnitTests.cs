using QubesPoolConsole.Server.Startup;
using Xunit.Abstractions;

namespace QubesPoolConsole.Server.Tests.Packaging;

public class SystemdUnitTests(ITestOutputHelper output)
{
    private static readonly string UnitPath = RepoFiles.Path("packaging", "qubes-pool-console.service");
    private static readonly string SandboxPath = RepoFiles.Path("packaging", "qubes-pool-console.service.d", "sandbox.conf");

    [Fact]
    public void Unit_StartsThePublishedConsoleInDom0Mode_AndRestartsOnlyOnFailure()
    {
        var unit = UnitFile.Load(UnitPath);

        var exec = unit.Get("Service", "ExecStart")!.Split(' ');
        Assert.Equal("/opt/qubes-pool-console/QubesPoolConsole", exec[0]);
        Assert.Equal(["--mode", "Dom0"], exec[1..]);
        Assert.Equal("on-failure", unit.Get("Service", "Restart"));
        Assert.Equal("2", unit.Get("Service", "RestartPreventExitStatus")); // Program.cs's exit code for bad settings
        Assert.Equal("default.target", unit.Get("Install", "WantedBy"));
    }

    [Fact]
    public void Unit_IsAUserUnitWithoutOptionsThatBreakTheConsole()
    {
        var unit = UnitFile.Load(UnitPath, SandboxPath);

        Assert.Equal("yes", unit.Get("Service", "NoNewPrivileges"));
        Assert.Empty(unit.All("Service", "User"));   // a user unit runs as its user; User= is refused there
        Assert.Empty(unit.All("Service", "Group"));
        Assert.Empty(unit.All("Service", "MemoryDenyWriteExecute")); // the .NET JIT needs it off
        Assert.Empty(unit.All("Service", "PrivateNetwork"));         // would hide the loopback address
        // The file-system sandbox is only in the drop-in, which install.sh adds where a user manager can apply it.
        Assert.Empty(UnitFile.Load(UnitPath).All("Service", "ProtectSystem"));
    }

    [Fact]
    public void SandboxDropIn_KeepsStorageConfFolderQubesAndStateWritable()
    {
        var unit = UnitFile.Load(UnitPath, SandboxPath);

        Assert.Equal("strict", unit.Get("Service", "ProtectSystem"));
        Assert.Equal("read-only", unit.Get("Service", "ProtectHome"));
        Assert.Equal("yes", unit.Get("Service", "PrivateTmp"));
        var writable = unit.Words("Service", "ReadWritePaths");
        // The safe save renames a temp file in storage.conf's folder: the folder itself must be writable.
        Assert.Contains(Path.GetDirectoryName(ConsolePaths.Dom0Conf), writable);
        Assert.Contains(Path.GetDirectoryName(ConsolePaths.Dom0QubesXml), writable);
        Assert.Contains(ConsolePaths.Dom0State, writable);
        Assert.DoesNotContain(writable, w => w.Contains(".aspnet", StringComparison.Ordinal)); // keys stay in memory
    }

    [Fact]
    public void SandboxDropIn_GivesTheJitProfileTheCacheFolderTheConsoleLooksIn()
    {
        var unit = UnitFile.Load(UnitPath, SandboxPath);

        // systemd makes ~/.cache/NAME, keeps it writable under ProtectHome=read-only and passes it as $CACHE_DIRECTORY;
        // without the drop-in the console finds the same folder from $HOME.
        var name = unit.Get("Service", "CacheDirectory");
        Assert.Equal("qubes-pool-console", name);
        var fromSystemd = StartupJitProfile.Folder(v => v == "CACHE_DIRECTORY" ? $"/home/user/.cache/{name}" : null);
        var fromHome = StartupJitProfile.Folder(v => v == "HOME" ? "/home/user" : null);
        Assert.Equal(fromSystemd, fromHome);
    }

    [Fact]
    public void Dom0Settings_PointAtTheInstallLayout_AndPassTheValidatorExceptForMissingDom0Folders()
    {
        var config = new ConfigurationBuilder().AddJsonFile(RepoFiles.Path("packaging", "appsettings.dom0.json")).Build();
        var options = config.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>()!;

        Assert.Equal(ConsoleMode.Dom0, options.Mode);
        Assert.Equal(ConsolePaths.Dom0Conf, options.Conf);
        Assert.Equal(ConsolePaths.Dom0State, options.StateDirectory);
        var errors = ConsoleOptionsValidator.Validate(config.GetSection(ConsoleOptions.Section), () => true);
        Assert.All(errors, e => Assert.Contains("does not exist", e)); // this machine is no dom0
    }

    [Fact]
    public async Task SystemdAnalyzeVerify_AcceptsTheUnitAndDropIn_WithoutWarnings()
    {
        const string analyze = "/usr/bin/systemd-analyze";
        if (!File.Exists(analyze))
        {
            output.WriteLine("systemd-analyze is not installed: only the parsing tests above checked the unit.");
            return;
        }
        var dir = Directory.CreateTempSubdirectory("qpc-unit-");
        try
        {
            // verify insists that ExecStart's program exists: point it at a stand-in, keep everything else.
            var stand = Path.Combine(dir.FullName, "QubesPoolConsole");
            File.Copy("/bin/true", stand);
            var text = (await File.ReadAllTextAsync(UnitPath)).Replace("/opt/qubes-pool-console/QubesPoolConsole", stand, StringComparison.Ordinal);
            var unitCopy = Path.Combine(dir.FullName, "qubes-pool-console.service");
            await File.WriteAllTextAsync(unitCopy, text);
            Directory.CreateDirectory(unitCopy + ".d");
            File.Copy(SandboxPath, Path.Combine(unitCopy + ".d", "sandbox.conf"));
            var runtime = Directory.CreateDirectory(Path.Combine(dir.FullName, "run"));
            runtime.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

            var start = new ProcessStartInfo(analyze) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "--user", "--man=no", "verify", unitCopy }) start.ArgumentList.Add(a);
            start.Environment["XDG_RUNTIME_DIR"] = runtime.FullName;
            using var p = Process.Start(start)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();

            var messages = (await stderr + await stdout).Trim();
            Assert.True(p.ExitCode == 0, $"systemd-analyze verify exit {p.ExitCode}: {messages}");
            Assert.Equal("", messages); // an unknown key or bad value is only a warning: there must be none
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
