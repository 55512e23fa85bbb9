using System.Text.RegularExpressions;

namespace QubesPoolConsole.E2E.Tests;

public sealed class E2EPeer43() : QubesdPeer("release4.3");

public sealed class E2EPeer42() : QubesdPeer("release4.2");

/// <summary>
/// The console in dom0 mode on the qubesd backend, pointed at Qubes' own qubesd handlers (the peer of
/// <c>QPC_QUBESD_PEER</c>) instead of its stand-in: the same pages work end to end against Qubes itself.
/// </summary>
public abstract class R4PeerE2ETests(BrowserFixture browser, QubesdPeer peer) : BrowserTest(browser), IAsyncLifetime
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("qpc-peer-e2e-");
    private InProcessServer? _console;

    protected override bool StartsServer => false;

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (QubesdPeer.Folder is null) return;
        _console = await StartServerAsync(s =>
        {
            s["Console:Mode"] = "Dom0";
            s["Console:Backend"] = "qubesd";
            s["Console:QubesdSocket"] = peer.SocketPath;
            // dom0 mode's storage.conf paths and state folder, kept out of the real /etc and /var.
            s["Console:Conf"] = Path.Combine(_files.FullName, "storage.conf");
            s["Console:QubesXml"] = Path.Combine(_files.FullName, "qubes.xml");
            s["Console:StateDirectory"] = Path.Combine(_files.FullName, "state");
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_console is not null) await _console.DisposeAsync();
        _files.Delete(recursive: true);
    }

    [PeerFact]
    public async Task AddFilePool_ReviewApply_ListedWithUsage_AndRemoveOfAPoolWithVolumesRefused()
    {
        var page = await OpenLoggedInAsync(_console!, "/");
        await Expect(page.GetByTestId("backend")).ToHaveTextAsync($"qubesd at {peer.SocketPath}");
        await Expect(Row(page, "varlibqubes")).ToBeVisibleAsync();
        var dir = Path.Combine(peer.Dir, "fast");

        await R4PoolDialog.StageFilePoolAsync(page, "fast", dir);

        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" }).ClickAsync();
        await Expect(page.GetByTestId("r4-command")).ToHaveTextAsync($"qvm-pool add fast file -o dir_path={dir}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("r4-outcome")).ToContainTextAsync("Applied.", new() { Timeout = 15_000 });
        Assert.True(Directory.Exists(Path.Combine(dir, "appvms")), "Qubes' file driver created the pool's folders\n" + peer.Log);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the pools" }).ClickAsync();
        await Expect(Row(page, "fast")).ToContainTextAsync(new Regex(@"data \d+(\.\d)? %"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove varlibqubes" }).ClickAsync();
        await Expect(page.GetByTestId("r4-remove-refused")).ToContainTextAsync("work");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Keep the pool" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (none pending)" })).ToBeVisibleAsync();
    }

    private static ILocator Row(IPage page, string pool)
        => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator("strong", new() { HasTextRegex = new Regex($"^{Regex.Escape(pool)}$") }) });
}

public sealed class R4Peer43E2ETests(BrowserFixture browser, E2EPeer43 peer) : R4PeerE2ETests(browser, peer), IClassFixture<E2EPeer43>;

public sealed class R4Peer42E2ETests(BrowserFixture browser, E2EPeer42 peer) : R4PeerE2ETests(browser, peer), IClassFixture<E2EPeer42>;
