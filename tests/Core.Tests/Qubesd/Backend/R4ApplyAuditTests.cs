using QubesPoolConsole.Core.Audit;

namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

/// <summary>An R4 apply that sent anything lands in the same audit journal as a storage.conf apply.</summary>
public sealed class R4ApplyAuditTests : IDisposable
{
    private const string AddHeader = "admin.pool.Add+file dom0 name dom0";
    private const string SetHeader = "admin.pool.Set.revisions_to_keep+ssd dom0 name dom0";
    private readonly string _dir = Directory.CreateTempSubdirectory("qpc-r4audit-").FullName;

    private static readonly R4PoolChange[] Batch =
    [
        R4PoolChange.AddPool(R4PoolAddRequest.Of("ssd", "file", ("dir_path", "/srv/ssd"))),
        R4PoolChange.SetPoolOption("ssd", "revisions_to_keep", "0"),
    ];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JsonLinesAuditLog Log => new(Path.Combine(_dir, "audit.jsonl"));

    // Staged on the LVM install; with answered, qubesd accepts both calls.
    private static async Task<(ScriptedQubesd Q, R4Draft Draft)> StagedAsync(bool answered = false)
    {
        var (q, draft) = await R4DraftTests.StartAsync();
        Assert.True(draft.StageRange(Batch).Accepted);
        if (answered)
        {
            q.Ok(AddHeader);
            q.Ok(SetHeader);
        }
        return (q, draft);
    }

    [Fact]
    public async Task Applied_IsJournalledWithTheCommandsThePoolDiffAndWhoRanIt()
    {
        var (q, draft) = await StagedAsync(answered: true);
        await using var _ = q;
        var diff = draft.Plan!.Diff;

        var outcome = await draft.ApplyAsync(new R4ApplyAudit(Log, "alice", "s-1"));

        Assert.Equal(R4ApplyStatus.Applied, outcome.Status);
        Assert.Null(outcome.AuditFailure);
        var entry = Assert.Single(Log.Read());
        Assert.Equal(("alice", "s-1"), (entry.User, entry.Session));
        Assert.Equal($"qubesd ({q.Client.SocketPath})", entry.File);
        Assert.Equal("qvm-pool add ssd file -o dir_path=/srv/ssd; qvm-pool set ssd -o revisions_to_keep=0", entry.Summary);
        Assert.Contains("name=\"ssd\"", entry.Diff);
        Assert.Equal(diff, entry.Diff);
        Assert.Null(entry.Sha256);
    }

    [Fact]
    public async Task FailedStep_IsJournalledWithWhatRanAndWhatFailed()
    {
        var (q, draft) = await StagedAsync();
        await using var _ = q;
        q.Ok(AddHeader);
        q.Raise(SetHeader, "QubesValueError", "Invalid value for revisions_to_keep");

        var outcome = await draft.ApplyAsync(new R4ApplyAudit(Log, "alice", "cli"));

        Assert.Equal(R4ApplyStatus.Failed, outcome.Status);
        var entry = Assert.Single(Log.Read());
        Assert.StartsWith("qvm-pool add ssd file -o dir_path=/srv/ssd; FAILED: qvm-pool set ssd -o revisions_to_keep=0 (", entry.Summary);
        Assert.Contains("Invalid value for revisions_to_keep", entry.Summary);
    }

    [Fact]
    public async Task RefusedBeforeSending_WritesNoEntry()
    {
        var (q, draft) = await StagedAsync();
        await using var _ = q;
        draft.Revert();

        var outcome = await draft.ApplyAsync(new R4ApplyAudit(Log, "alice", "s-1"));

        Assert.Equal(R4ApplyStatus.Refused, outcome.Status);
        Assert.Empty(q.Writes);
        Assert.False(File.Exists(Path.Combine(_dir, "audit.jsonl")));
    }

    [Fact]
    public async Task UnwritableJournal_KeepsTheChangeAndSaysTheEntryFailed()
    {
        var (q, draft) = await StagedAsync(answered: true);
        await using var _ = q;
        // A file where the journal's folder should be: refused even to root.
        File.WriteAllText(Path.Combine(_dir, "not-a-folder"), "");
        var blocked = new JsonLinesAuditLog(Path.Combine(_dir, "not-a-folder", "audit.jsonl"));

        var outcome = await draft.ApplyAsync(new R4ApplyAudit(blocked, "alice", "s-1"));

        Assert.Equal(R4ApplyStatus.Applied, outcome.Status);
        Assert.StartsWith("The change was made, but its audit entry could not be written: ", outcome.AuditFailure);
    }
}
