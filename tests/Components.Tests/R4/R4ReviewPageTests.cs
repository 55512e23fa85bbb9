using QubesPoolConsole.Components.R4;
using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.Tests.R4;

public class R4ReviewPageTests : R4TestContext
{
    [Fact]
    public async Task Batch_ShowsEachStepsCommandCallAndPayload_AndThePoolTableDiff()
    {
        var dir = Path.Combine(DataDirectory, "fast");
        var staged = Draft.StageRange([
            R4PoolChange.AddPool(R4PoolAddRequest.Of("fast", "file", ("dir_path", dir))),
            R4PoolChange.SetPoolOption("varlibqubes", "revisions_to_keep", "0"),
            R4PoolChange.SetDefaultPool("default_pool", "varlibqubes"),
        ]);
        Assert.True(staged.Accepted, string.Join("; ", staged.Findings));

        var page = Render<R4ReviewPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid='r4-step']").Count));
        var commands = page.FindAll("[data-testid='r4-command']").Select(e => e.TextContent).ToList();
        Assert.Equal([$"qvm-pool add fast file -o dir_path={dir}", "qvm-pool set varlibqubes -o revisions_to_keep=0", "qubes-prefs default_pool varlibqubes"], commands);
        var calls = page.FindAll("[data-testid='r4-call']").Select(e => e.TextContent).ToList();
        Assert.Equal(["admin.pool.Add+file → dom0", "admin.pool.Set.revisions_to_keep+varlibqubes → dom0", "admin.property.Set+default_pool → dom0"], calls);
        Assert.Equal([$"name=fast\ndir_path={dir}\n", "0", "varlibqubes"], page.FindAll("[data-testid='r4-payload']").Select(e => e.TextContent));
        var added = page.FindAll("[data-testid='r4-diff'] .qpc-diff-added").Select(e => e.TextContent).ToList();
        Assert.Contains(added, l => l.Contains("name=\"fast\"") && l.Contains($"dir_path=\"{dir}\""));
        Assert.Contains(added, l => l.Contains("name=\"varlibqubes\"") && l.Contains("revisions_to_keep=\"0\""));
        Assert.Contains(page.FindAll("[data-testid='r4-side-effects'] li"), li => li.TextContent.Contains("only volumes created later"));
    }

    [Fact]
    public async Task Apply_ReportsEachStepRan_AndQubesdHoldsThePool()
    {
        var dir = Path.Combine(DataDirectory, "fast");
        Assert.True(Draft.Stage(R4PoolChange.AddPool(R4PoolAddRequest.Of("fast", "file", ("dir_path", dir)))).Accepted);
        var page = Render<R4ReviewPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='r4-step']")));

        Button(page, "Apply").Click();

        page.WaitForAssertion(() => Assert.Contains("Applied.", page.Find("[data-testid='r4-outcome']").TextContent));
        Assert.Equal("ran", page.Find("[data-step-status]").GetAttribute("data-step-status"));
        Assert.Contains("fast", (await Client.PoolListAsync()).Value!);
        Assert.Empty(Draft.Changes);
        var entry = Assert.Single(Audit.Read());
        Assert.Equal(("tester", "session-1"), (entry.User, entry.Session));
        Assert.StartsWith("qvm-pool add fast file", entry.Summary);
    }

    [Fact]
    public async Task Apply_WhenPoolsChangedMeanwhile_SaysStaleAndListsTheChange_NothingSent()
    {
        Assert.True(Draft.Stage(R4PoolChange.SetPoolOption("varlibqubes", "revisions_to_keep", "0")).Accepted);
        var page = Render<R4ReviewPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='r4-step']")));
        // Someone else adds a pool with qvm-pool while the draft is open.
        Assert.True((await Client.PoolAddAsync("file", "other", [KeyValuePair.Create("dir_path", Path.Combine(DataDirectory, "other"))])).IsOk);

        Button(page, "Apply").Click();

        page.WaitForAssertion(() => Assert.Contains("the pools changed since you started", page.Find("[data-testid='r4-outcome']").TextContent));
        Assert.Contains("pool other was added", page.Find("[data-testid='r4-stale-changes']").TextContent);
        Assert.Equal("1", (await Client.PoolInfoAsync("varlibqubes")).Value!["revisions_to_keep"]);
    }

    [Fact]
    public async Task Apply_StopsAtTheFirstFailure_ShowsQubesdsAnswer_AndWhatDidNotRun()
    {
        // qubesd creates only the last level of dir_path: with the parent missing it gives an empty reply.
        var dir = Path.Combine(DataDirectory, "missing", "parent", "pool");
        Assert.True(Draft.StageRange([
            R4PoolChange.AddPool(R4PoolAddRequest.Of("deep", "file", ("dir_path", dir))),
            R4PoolChange.SetPoolOption("varlibqubes", "revisions_to_keep", "0"),
        ]).Accepted);
        var page = Render<R4ReviewPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='r4-step']").Count));

        Button(page, "Apply").Click();

        page.WaitForAssertion(() => Assert.Contains("Apply stopped.", page.Find("[data-testid='r4-outcome']").TextContent));
        var statuses = page.FindAll("[data-step-status]").Select(r => r.GetAttribute("data-step-status")).ToList();
        Assert.Equal(["failed", "notrun"], statuses);
        Assert.Contains("qubesd", page.FindAll("[data-step-status]")[0].TextContent);
        Assert.Contains("not run", page.FindAll("[data-step-status]")[1].TextContent);
        Assert.Equal("1", (await Client.PoolInfoAsync("varlibqubes")).Value!["revisions_to_keep"]);
    }
}
