using QubesPoolConsole.Core.Qubesd.Sandbox;

namespace QubesPoolConsole.Server.Qubesd;

/// <summary>
/// Starts the stand-in qubesd with the web host (hosted services start before the server takes requests, so
/// nothing reads before it listens) and stops it at shutdown.
/// </summary>
public sealed class QubesdSandboxHostedService(R4Services r4, ILogger<QubesdSandboxHostedService> logger) : IHostedService
{
    private QubesdSandbox? _sandbox;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _sandbox = await r4.StartSandboxAsync(line => logger.LogInformation("qubesd sandbox: {Line}", line), cancellationToken);
        if (_sandbox is not null)
        {
            logger.LogInformation("The qubesd sandbox (R{Release}) listens on {Socket}", r4.Backend.SandboxRelease, _sandbox.SocketPath);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sandbox is { } sandbox) await sandbox.StopAsync();
    }
}
