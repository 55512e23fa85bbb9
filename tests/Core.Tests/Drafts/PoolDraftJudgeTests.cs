using QubesPoolConsole.Core.Audit;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Tests.Drafts;

/// <summary>Every staging path of the draft, and apply, go through <see cref="ChangeJudge"/>.</summary>
public class PoolDraftJudgeTests
{
    private const string Start = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/p\n";
    private const string WorkInP = "<QubesVmCollection>\n  <QubesAppVm qid=\"1\" name=\"work\" label=\"red\" pool_name=\"p\" template_qid=\"none\"/>\n</QubesVmCollection>\n";

    [Fact]
    public void RemovePoolInUse_IsRefusedWhenStaged()
    {
        using var files = new TempConsoleFiles(Start, WorkInP);
        using var draft = new PoolDraft(files.Catalog);

        var result = draft.Add(new RemovePool("p"));

        Assert.False(result.Ok);
        Assert.Equal(PoolInUse, Assert.Single(result.Errors).Code);
        Assert.Empty(draft.Edits);
    }

    [Fact]
    public void AddRange_WithOneRefusedEdit_StagesNoneOfTheBatch()
    {
        using var files = new TempConsoleFiles(Start, WorkInP);
        using var draft = new PoolDraft(files.Catalog);
        var changes = 0;
        draft.Changed += () => changes++;

        var result = draft.AddRange([new SetPoolOptions("p", [new("dir_path", "/srv/q")]), new RemovePool("p")]);

        Assert.False(result.Ok);
        Assert.Equal(PoolInUse, Assert.Single(result.Errors).Code);
        Assert.Empty(draft.Edits);
        Assert.Equal(0, changes);
        Assert.Equal(Start, draft.CurrentText);
    }

    [Fact]
    public void AddRange_AllAccepted_StagesTheBatchInOrderAndRaisesOneChange()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var draft = new PoolDraft(files.Catalog);
        var changes = 0;
        draft.Changed += () => changes++;
        PoolEdit[] batch = [new AddPool("q", "xen", null, [new("dir_path", "/srv/q")]), new SetPoolOptions("p", [new("dir_path", "/srv/r")])];

        var result = draft.AddRange(batch);

        Assert.True(result.Ok);
        Assert.Equal(batch, draft.Edits);
        Assert.Equal(1, changes);
        Assert.EndsWith("[p]\ndriver=xen\ndir_path=/srv/r\n\n[q]\ndriver=xen\ndir_path=/srv/q\n", draft.CurrentText);
    }

    [Fact]
    public void RawTextWithoutAPoolInUse_IsStagedWithItsFinding_ButApplyRefusesAndWritesNothing()
    {
        using var files = new TempConsoleFiles(Start, WorkInP);
        using var draft = new PoolDraft(files.Catalog);

        var staged = draft.Add(new ReplaceText("[default]\ndriver=xen\n", "Edit storage.conf as text"));
        var outcome = draft.Apply("s", "u");

        Assert.True(staged.Ok);
        Assert.Equal(PoolInUse, Assert.Single(staged.Errors).Code);
        Assert.Contains("used by 1 VM(s): work", outcome.Refused);
        Assert.Equal(Start, files.ConfText);
    }

    [Fact]
    public void VmCreatedAfterStaging_StopsTheApplyOfItsPoolsRemoval()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var draft = new PoolDraft(files.Catalog);
        Assert.True(draft.Add(new RemovePool("p")).Ok);

        File.WriteAllText(files.QubesXmlPath, WorkInP);
        var outcome = draft.Apply("s", "u");

        Assert.False(outcome.Applied);
        Assert.Contains("Pool 'p' is used by 1 VM(s): work", outcome.Refused);
        Assert.Equal(Start, files.ConfText);
    }

    [Fact]
    public void MoveOfAPoolWithVms_IsAppliedOnlyWhenConfirmed()
    {
        using var files = new TempConsoleFiles(Start, WorkInP);
        using var draft = new PoolDraft(files.Catalog);
        draft.Add(new ReplaceText(Start.Replace("/srv/p", "/"), "Edit storage.conf as text"));

        var unconfirmed = draft.Apply("s", "u");
        Assert.Contains("needs your confirmation", unconfirmed.Refused);
        Assert.Equal(PoolMoved, Assert.Single(draft.Unconfirmed).Code);
        Assert.Equal(Start, files.ConfText);

        Assert.True(draft.Apply("s", "u", confirmed: true).Applied);
        Assert.Contains("dir_path=/\n", files.ConfText);
    }

    [Fact]
    public void MoveConfirmedWhenStaged_NeedsNoSecondConfirmation()
    {
        using var files = new TempConsoleFiles(Start, WorkInP);
        using var draft = new PoolDraft(files.Catalog);

        draft.Add(new SetPoolOptions("p", [new("dir_path", "/")]), confirmed: true);

        Assert.Empty(draft.Unconfirmed);
        Assert.True(draft.Apply("s", "u").Applied);
    }

    [Fact]
    public void SettingAValueThePoolHas_StagesNothing_EvenAValueTheConsoleWouldRefuse()
    {
        const string broken = "[default]\ndriver=xen\ndir_path=/x\n";
        using var files = new TempConsoleFiles(broken, "<QubesVmCollection/>");
        using var draft = new PoolDraft(files.Catalog);
        var changes = 0;
        draft.Changed += () => changes++;

        var result = draft.Add(new SetPoolOptions("default", [new("dir_path", "/x")]));

        Assert.True(result.Ok);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(draft.Edits);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void AuditLogThatCannotBeWritten_TheChangeStandsAndTheOutcomeSaysWhy()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var draft = new PoolDraft(files.Catalog, new FailingAuditLog());
        draft.Add(AddPool.Xen("n", "/"));

        var outcome = draft.Apply("s", "u");

        Assert.True(outcome.Applied);
        Assert.Equal("disk full", outcome.AuditFailure);
        Assert.Contains("[n]\ndriver=xen\ndir_path=/\n", files.ConfText);
    }

    private sealed class FailingAuditLog : IAuditLog
    {
        public void Append(AuditEntry entry) => throw new IOException("disk full");

        public IReadOnlyList<AuditEntry> Read(int max = 500) => [];
    }
}
