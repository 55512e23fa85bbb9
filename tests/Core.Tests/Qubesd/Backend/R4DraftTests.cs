
namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

public sealed class R4DraftTests
{
    private const string AddHeader = "admin.pool.Add+file dom0 name dom0";
    private const string SetHeader = "admin.pool.Set.revisions_to_keep+ssd dom0 name dom0";
    private const string PropHeader = "admin.property.Set+default_pool_private dom0 name dom0";

    private static readonly R4PoolChange[] Batch =
    [
        R4PoolChange.AddPool(R4PoolAddRequest.Of("ssd", "file", ("dir_path", "/srv/ssd"))),
        R4PoolChange.SetPoolOption("ssd", "revisions_to_keep", "0"),
        R4PoolChange.SetDefaultPool("default_pool_private", "ssd"),
    ];

    // A draft over a scripted qubesd with the LVM install's pools (also used by R4ApplyAuditTests).
    internal static async Task<(ScriptedQubesd Q, R4Draft Draft)> StartAsync()
    {
        var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        var draft = await R4Draft.StartAsync(new R4PoolReader(q.Client));
        return (q, draft);
    }

    // qubesd now also has the file pool NAME at DIR, added by someone else after the draft read the pools.
    private static void AddedElsewhere(ScriptedQubesd q, string name, string dir)
    {
        q.PoolList("varlibqubes", "linux-kernel", "vm-pool", name);
        q.Pool(name, $"dir_path={dir}\ndriver=file\nname={name}\nrevisions_to_keep=1\n");
    }

    [Fact]
    public async Task Apply_SendsExactlyThePlannedCallsInOrder_ThenRestartsEmpty()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        q.Ok(AddHeader);
        q.Ok(SetHeader);
        q.Ok(PropHeader);
        Assert.True(draft.StageRange(Batch).Accepted);

        var outcome = await draft.ApplyAsync();

        Assert.Equal(R4ApplyStatus.Applied, outcome.Status);
        Assert.Equal(
        [
            @"admin.pool.Add+file dom0 name dom0\0name=ssd" + "\n" + "dir_path=/srv/ssd\n",
            @"admin.pool.Set.revisions_to_keep+ssd dom0 name dom0\00",
            @"admin.property.Set+default_pool_private dom0 name dom0\0ssd",
        ], q.Writes);
        Assert.Equal([R4StepStatus.Ran, R4StepStatus.Ran, R4StepStatus.Ran], outcome.Steps.Select(s => s.Status));
        Assert.All(outcome.Steps, s => Assert.True(s.Reply!.IsOk));
        Assert.Equal("All 3 steps ran.", outcome.Message);
        Assert.NotNull(outcome.After);
        Assert.Empty(draft.Changes);
        Assert.Same(outcome.After, draft.Base);
    }

    [Fact]
    public async Task Apply_StopsAtTheFirstFailure_ReportsRanFailedNotRun_AndRetriesNothing()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        q.Ok(AddHeader);
        q.Raise(SetHeader, "QubesValueError", "Invalid value for revisions_to_keep");
        q.Ok(PropHeader);
        draft.StageRange(Batch);

        var outcome = await draft.ApplyAsync();

        Assert.Equal(R4ApplyStatus.Failed, outcome.Status);
        Assert.Equal([R4StepStatus.Ran, R4StepStatus.Failed, R4StepStatus.NotRun], outcome.Steps.Select(s => s.Status));
        Assert.Equal(2, q.Writes.Count);
        Assert.StartsWith("admin.pool.Set.revisions_to_keep+ssd", q.Writes[1], StringComparison.Ordinal);
        Assert.Equal("Invalid value for revisions_to_keep", outcome.FailedStep!.Message);
        Assert.Null(Assert.Single(outcome.NotRun).Reply);
        Assert.Equal(3, Assert.Single(outcome.NotRun).Step.Number);
        Assert.Contains("Step 2 failed", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("1 step(s) after it were not sent and were dropped", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(draft.Changes);
    }

    [Fact]
    public async Task Apply_EmptyReplyOnTheFirstStep_IsAFailureWithTheEmptyReplySentence()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        draft.StageRange(Batch);

        var outcome = await draft.ApplyAsync();

        Assert.Equal([R4StepStatus.Failed, R4StepStatus.NotRun, R4StepStatus.NotRun], outcome.Steps.Select(s => s.Status));
        Assert.Equal(QubesdReply.EmptySentence, outcome.FailedStep!.Message);
        Assert.Single(q.Writes);
    }

    [Fact]
    public async Task Apply_WhenAPoolWasAddedMeanwhile_IsRefusedAsStale_AndSendsNothing()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        q.Ok(AddHeader);
        draft.StageRange(Batch);
        AddedElsewhere(q, "extra", "/srv/extra");

        var outcome = await draft.ApplyAsync();

        Assert.Equal(R4ApplyStatus.Stale, outcome.Status);
        var change = Assert.Single(outcome.Changes);
        Assert.Equal("pool extra was added", change.ToString());
        Assert.Contains("pool extra was added", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(q.Writes);
        Assert.All(outcome.Steps, s => Assert.Equal(R4StepStatus.NotRun, s.Status));
        Assert.False(outcome.SentAnything);
        Assert.Equal(3, draft.Changes.Count);
    }

    [Fact]
    public async Task Refresh_WithNothingStaged_MovesOntoTheNewPools()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        AddedElsewhere(q, "extra", "/srv/extra");

        Assert.True(await draft.RefreshAsync());

        Assert.NotNull(draft.Base.Row("extra"));
        Assert.False(draft.Snapshot.IsStale);
    }

    [Fact]
    public async Task Refresh_WithChangesStaged_KeepsThem_AndMarksHowQubesdDiffers_UntilRebased()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        Assert.True(draft.StageRange(Batch).Accepted);
        AddedElsewhere(q, "extra", "/srv/extra");

        Assert.True(await draft.RefreshAsync());

        Assert.Equal(3, draft.Changes.Count);
        Assert.Null(draft.Base.Row("extra"));
        Assert.Equal("pool extra was added", Assert.Single(draft.Snapshot.StaleBy).ToString());
        // Staging more keeps the mark: the base is still the old reading.
        Assert.True(draft.Stage(R4PoolChange.SetPoolOption("vm-pool", "revisions_to_keep", "2")).Accepted);
        Assert.True(draft.Snapshot.IsStale);

        var rebased = await draft.RebaseAsync();

        Assert.True(rebased.Accepted);
        Assert.False(draft.Snapshot.IsStale);
        Assert.NotNull(draft.Base.Row("extra"));
        Assert.Equal(4, draft.Changes.Count);
        Assert.Empty(q.Writes);
    }

    [Fact]
    public async Task Rebase_WhenTheChangesNoLongerPlan_IsRefused_AndTheDraftStaysAsItWas()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        Assert.True(draft.StageRange(Batch).Accepted);
        // Someone else added a pool named ssd meanwhile: adding it again would be refused by qubesd.
        AddedElsewhere(q, "ssd", "/srv/other");
        await draft.RefreshAsync();
        var before = draft.Snapshot;

        var rebased = await draft.RebaseAsync();

        Assert.False(rebased.Accepted);
        Assert.Contains(rebased.Findings, f => f.IsError && f.Message.Contains("ssd", StringComparison.Ordinal));
        Assert.Same(before, draft.Snapshot);
        Assert.Empty(q.Writes);
    }

    [Fact]
    public async Task Apply_WhenADefaultPoolPropertyChangedMeanwhile_IsStale()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        draft.StageRange(Batch);
        q.Property("default_pool_root", false, "varlibqubes");

        var outcome = await draft.ApplyAsync();

        Assert.Equal(R4ApplyStatus.Stale, outcome.Status);
        Assert.Equal("default_pool_root", Assert.Single(outcome.Changes).Key);
        Assert.Empty(q.Writes);
    }

    [Fact]
    public async Task StageRange_IsAllOrNothing_ABatchWithAnErrorStagesNothing()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        var raised = 0;
        draft.Changed += () => raised++;

        var result = draft.StageRange([R4PoolChange.SetDefaultPool("default_pool_root", "varlibqubes"), R4PoolChange.RemovePool("vm-pool")]);

        Assert.False(result.Accepted);
        Assert.Contains(result.Errors, f => f.Code == R4Codes.PoolHasVolumes);
        Assert.Empty(draft.Changes);
        Assert.Equal(0, raised);

        Assert.True(draft.Stage(R4PoolChange.SetDefaultPool("default_pool_root", "varlibqubes")).Accepted);
        Assert.Equal(1, raised);
        Assert.Single(draft.Plan!.Steps);
    }

    [Fact]
    public async Task Remove_RefusesToLeaveAPlanWithErrors_OtherwiseDropsTheChange()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        draft.StageRange(Batch);

        var dropAdd = draft.Remove(0);
        Assert.False(dropAdd.Accepted);
        Assert.Contains(dropAdd.Errors, f => f.Code == R4Codes.PoolNotFound);
        Assert.Equal(3, draft.Changes.Count);

        Assert.True(draft.Remove(1).Accepted);
        Assert.Equal([Batch[0], Batch[2]], draft.Changes);
        Assert.False(draft.Remove(5).Accepted);

        Assert.True(draft.Revert());
        Assert.Empty(draft.Changes);
    }

    [Fact]
    public async Task Apply_WithNothingStaged_IsRefused_AndSendsNothing()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;

        var outcome = await draft.ApplyAsync();

        Assert.Equal(R4ApplyStatus.Refused, outcome.Status);
        Assert.Equal("Nothing is staged; there is nothing to apply.", outcome.Message);
        Assert.Empty(q.Writes);
    }

    [Fact]
    public async Task Stage_WhenThePoolsCouldNotBeRead_IsRefusedWithTheSentence()
    {
        await using var q = new ScriptedQubesd();
        var draft = await R4Draft.StartAsync(new R4PoolReader(q.Client));

        var result = draft.Stage(Batch[0]);

        Assert.False(result.Accepted);
        Assert.Equal(R4Draft.NotLoadedCode, Assert.Single(result.Errors).Code);
        Assert.Contains(QubesdReply.EmptySentence, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileApplyRuns_StagingAndASecondApplyAreRefused()
    {
        var (q, draft) = await StartAsync();
        await using var _ = q;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        q.Gates[AddHeader] = gate;
        q.Ok(AddHeader);
        q.Ok(SetHeader);
        q.Ok(PropHeader);
        draft.StageRange(Batch);

        var running = draft.ApplyAsync();
        while (q.Writes.Count == 0) await Task.Delay(5);
        Assert.True(draft.IsApplying);
        var second = await draft.ApplyAsync();
        var stage = draft.Stage(R4PoolChange.SetDefaultPool("default_pool_root", "varlibqubes"));
        var reverted = draft.Revert();
        gate.SetResult();
        var first = await running;

        Assert.Equal(R4ApplyStatus.Refused, second.Status);
        Assert.False(stage.Accepted);
        Assert.Equal(R4Draft.ApplyingCode, Assert.Single(stage.Errors).Code);
        Assert.False(reverted);
        Assert.Equal(R4ApplyStatus.Applied, first.Status);
        Assert.Equal(3, q.Writes.Count);
        Assert.False(draft.IsApplying);
    }
}
