using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// A browser test on the console's R4 sandbox (<c>--r4</c>): the console starts the stand-in qubesd in DATA/r4 and
/// stops it when it stops. The file driver is used for new pools (file-reflink's probe fails on an ext4 /tmp).
/// </summary>
public abstract class R4BrowserTest(BrowserFixture browser) : BrowserTest(browser)
{
    /// <inheritdoc />
    protected override Action<IDictionary<string, string?>>? ServerSettings => s => s["Console:Backend"] = "qubesd";

    /// <summary>The stand-in's data folder (DATA/r4).</summary>
    protected string SandboxDir => Backend.SandboxDirectory!;

    /// <summary>The stand-in's socket.</summary>
    protected string Socket => Backend.SocketPath!;

    private ConsoleBackend Backend => Server.App.Services.GetRequiredService<ConsoleBackend>();
}
