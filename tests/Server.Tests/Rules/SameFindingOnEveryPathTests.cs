using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Server.Cli;
using QubesPoolConsole.Server.Tests.Cli;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Server.Tests.Rules;

/// <summary>
/// Each rule, run through the web console's path (a <see cref="PoolDraft"/>, as the dialogs and the raw editor use it)
/// and through the CLI's real process on the same files: both must report the same findings, code and message.
/// </summary>
public class SameFindingOnEveryPathTests
{
    /// <summary>One rule: the files, the edit (as the web stages it and as the CLI is asked), the code it must give.</summary>
    public sealed record Case(string Name, string? VmsInVmstore, bool QubesXml, PoolEdit Edit, string[] Cli, string? Code, int ExitCode)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new("in-use removal", "work", true, new RemovePool("vmstore"), ["pool", "remove", "vmstore"], PoolInUse, 1),
        new("unknown inventory", null, false, new RemovePool("vmstore"), ["pool", "remove", "vmstore"], PoolUsageUnknown, 1),
        new("dir_path move", "work", true, new SetPoolOptions("vmstore", [new("dir_path", "/")]), ["pool", "set", "vmstore", "-o", "dir_path=/"], PoolMoved, 1),
        new("[default] keys", null, true, new SetPoolOptions("default", [new("dir_path", "/")]), ["pool", "set", "default", "-o", "dir_path=/"], DefaultPoolHasKeys, 1),
        new("[default] removal", null, true, new RemovePool("default"), ["pool", "remove", "default"], DefaultPoolMissing, 1),
        new("no-op", "work", true, new SetPoolOptions("vmstore", [new("dir_path", "/mnt/vmstore")]), ["pool", "set", "vmstore", "-o", "dir_path=/mnt/vmstore"], null, 0),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule_GivesTheSameFindingThroughTheWebDraftAndTheCli(Case rule)
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore, rule.QubesXml ? "r3.2-qubes.xml" : null);
        if (rule.VmsInVmstore is { } vms) box.PutVmsInPool("vmstore", vms.Split(','));
        var stamp = box.Stamp();
        var catalog = new PoolCatalog(new ConfFileStore(ConfFileStoreOptions.For(box.ConfPath, box.StateDirectory)), box.QubesXmlPath, "/var/lib/qubes/");

        using var draft = new PoolDraft(catalog);
        var web = draft.Add(rule.Edit);
        var cli = await box.RunAsync(rule.Cli);

        Assert.True(cli.ExitCode == rule.ExitCode, cli.ToString());
        var cliFindings = cli.StderrLines.Where(l => l.EndsWith(']')).ToList();
        Assert.Equal(web.Diagnostics.Select(EditCommand.Line), cliFindings);
        Assert.Equal(stamp, box.Stamp());
        if (rule.Code is null)
        {
            Assert.Equal(new CliResult(0, "", ""), cli);
            Assert.Empty(web.Diagnostics);
            Assert.Empty(draft.Edits);
            return;
        }
        Assert.Contains(web.Diagnostics, d => d.Code == rule.Code);

        // The same result written by hand (raw editor, restore) is judged alike.
        if (PoolEditor.Apply(StorageConfDocument.Parse(CliSandbox.ShippedWithVmstore), rule.Edit).Document is { } edited)
        {
            using var raw = new PoolDraft(catalog);
            var text = raw.Add(new ReplaceText(edited.ToText(), "Edit storage.conf as text"));
            Assert.Contains(text.Diagnostics, d => d.Code == rule.Code);
            Assert.Equal(web.Diagnostics.Where(d => d.Code == rule.Code), text.Diagnostics.Where(d => d.Code == rule.Code));
            Assert.False(raw.Apply("s", "u").Applied);
            Assert.Equal(stamp, box.Stamp());
        }
    }
}
