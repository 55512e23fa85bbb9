using System.Diagnostics;

namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>The commands (qvm-pool, qubes-prefs) and Admin API calls each change renders to, and their quoting.</summary>
public class R4CommandTests
{
    private static KeyValuePair<string, string>[] Opts(params (string K, string V)[] o) => [.. o.Select(x => KeyValuePair.Create(x.K, x.V))];

    [Fact]
    public void Add_Command_AndCall_AsQvmPoolWouldSendThem()
    {
        var options = Opts(("revisions_to_keep", "2"), ("dir_path", "/srv/ssd"));
        Assert.Equal("qvm-pool add ssd file-reflink -o revisions_to_keep=2 -o dir_path=/srv/ssd", ShellWords.Join(R4Commands.Add("ssd", "file-reflink", options)));
        // qubesadmin/app.py add_pool: name first, the rest sorted by key (qvm_pool.py test: name=test-pool\ndir_path=/some/path\n)
        Assert.Equal(new PlannedCall("admin.pool.Add", "file-reflink", "dom0", "name=ssd\ndir_path=/srv/ssd\nrevisions_to_keep=2\n"), R4Calls.Add("ssd", "file-reflink", options));
    }

    [Fact]
    public void Calls_OfEveryKind()
    {
        Assert.Equal(new PlannedCall("admin.pool.Set.revisions_to_keep", "vm-pool", "dom0", "2"), R4Calls.Set("vm-pool", "revisions_to_keep", "2"));
        Assert.Equal(new PlannedCall("admin.pool.Set.ephemeral_volatile", "vm-pool", "dom0", "True"), R4Calls.Set("vm-pool", "ephemeral_volatile", "True"));
        Assert.Equal(new PlannedCall("admin.pool.Remove", "test-pool", "dom0", ""), R4Calls.Remove("test-pool"));
        Assert.Equal(new PlannedCall("admin.property.Set", "default_pool", "dom0", "vm-pool"), R4Calls.SetProperty("default_pool", "vm-pool"));
        Assert.Equal(new PlannedCall("admin.property.Reset", "default_pool_private", "dom0", ""), R4Calls.ResetProperty("default_pool_private"));
    }

    [Fact]
    public void Call_RequestBytes_CountHeaderAndPayload()
    {
        // notes §8.2 example 5: b'admin.pool.Add+file dom0 name dom0\x00name=test-pool\ndir_path=/some/path\n'
        var call = R4Calls.Add("test-pool", "file", Opts(("dir_path", "/some/path")));
        Assert.Equal("admin.pool.Add+file dom0 name dom0\0", call.Header);
        Assert.Equal("admin.pool.Add+file dom0 name dom0\0name=test-pool\ndir_path=/some/path\n".Length, call.RequestBytes);
        Assert.Equal("admin.pool.Remove+p dom0 name dom0\0".Length, R4Calls.Remove("p").RequestBytes);
    }

    [Fact]
    public void Commands_OfEveryKind()
    {
        Assert.Equal("qvm-pool set vm-pool -o revisions_to_keep=3", ShellWords.Join(R4Commands.Set("vm-pool", "revisions_to_keep", "3")));
        Assert.Equal("qvm-pool remove spare", ShellWords.Join(R4Commands.Remove("spare")));
        Assert.Equal("qubes-prefs default_pool_root spare", ShellWords.Join(R4Commands.SetProperty("default_pool_root", "spare")));
        Assert.Equal("qubes-prefs --default default_pool", ShellWords.Join(R4Commands.ResetProperty("default_pool")));
    }

    [Fact]
    public void Commands_NameStartingWithDash_EndOptionsFirst()
    {
        // argparse would read '-a' as an option (and qvm-pool's legacy sniffing as --add); checked on qvm_pool.py 4.3.
        Assert.Equal(["qvm-pool", "add", "-o", "dir_path=/srv/x", "--", "-a", "file-reflink"], R4Commands.Add("-a", "file-reflink", Opts(("dir_path", "/srv/x"))));
        Assert.Equal(["qvm-pool", "set", "-o", "revisions_to_keep=1", "--", "-x"], R4Commands.Set("-x", "revisions_to_keep", "1"));
        Assert.Equal(["qvm-pool", "remove", "--", "-x"], R4Commands.Remove("-x"));
        Assert.Equal(["qubes-prefs", "default_pool", "--", "-x"], R4Commands.SetProperty("default_pool", "-x"));
    }

    [Fact]
    public void Quoting_PathsAShellWouldSplitOrExpand_AreSingleQuoted()
        => Assert.All(["/srv/my pools", "/srv/$HOME", "/srv/a;rm -rf /", "/srv/~x"], path => Assert.EndsWith($" -o 'dir_path={path}'", AddCommand(path)));

    [Fact]
    public void Quoting_AQuoteInThePath_EndsAndReopensTheQuotes()
        => Assert.EndsWith(" -o 'dir_path=/srv/it'\\''s'", AddCommand("/srv/it's"));

    [Fact]
    public void Quoting_PlainPath_IsNotQuoted()
        => Assert.EndsWith(" -o dir_path=/srv/plain", AddCommand("/srv/plain"));

    private static string AddCommand(string dirPath) => ShellWords.Join(R4Commands.Add("p", "file-reflink", Opts(("dir_path", dirPath))));

    [Fact]
    public void Quoting_EmptyWord_IsTwoQuotes()
        => Assert.Equal("a '' b", ShellWords.Join(["a", "", "b"]));

    [Fact]
    public void Quoting_RoundTripsThroughAShellWordsSplit()
    {
        var word = Gen.String[Gen.Char[" !\"#$%&'()*+,-./0123456789:;<=>?@ABCZ[\\]^_`abcz{|}~\t"], 0, 12];
        word.Array[1, 6].Sample(words => Assert.Equal(words, ShellSplit.Split(ShellWords.Join(words))));
    }

    [SkippableTheory]
    [InlineData("/srv/my pools")]
    [InlineData("/srv/it's \"quoted\"")]
    [InlineData("/srv/$(touch x)`id`")]
    [InlineData("/srv/*?[a]{b,c}~!#")]
    public void Quoting_BashReadsTheSameWords(string path)
    {
        Skip.IfNot(File.Exists("/bin/bash"), "bash is not installed here, so the rendered command cannot be run through it.");
        var argv = R4Commands.Add("-odd", "file-reflink", Opts(("dir_path", path), ("revisions_to_keep", "1")));
        var psi = new ProcessStartInfo("/bin/bash", ["-c", "printf '%s\\0' " + ShellWords.Join(argv)]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(argv, output.TrimEnd('\0').Split('\0'));
    }
}
