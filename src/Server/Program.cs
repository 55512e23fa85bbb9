using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Cli;
using QubesPoolConsole.Server.Configuration;
using QubesPoolConsole.Server.Security;
using QubesPoolConsole.Server.Startup;

// A command (pools, check, pool add…) runs without building the web host; no command serves the console.
if (CliApp.IsCommand(args)) return await CliApp.RunAsync(args, Console.Out, Console.Error);

// Replays the methods the last start compiled on the idle core, and records this start's for the next one. Without
// a profile to replay, that core renders a sample of the pools page once instead, so that the first visit finds that
// code loaded and compiled; with one, the sample would only compete with the replay (docs/benchmarks.md).
if (StartupJitProfile.Start() != JitProfileStart.Replaying)
{
    _ = QubesPoolConsole.Components.Warming.FirstRenderWarmUp.StartInBackground();
}

WebApplication app;
try
{
    app = ConsoleHost.Build(args);
}
catch (NonLoopbackBindingException refused)
{
    Console.Error.WriteLine(refused.Message);
    return LoopbackBinding.RefusedExitCode;
}
catch (InvalidConsoleOptionsException invalid)
{
    Console.Error.WriteLine(invalid.Message);
    return 2;
}
try
{
    await app.StartAsync();
}
catch (IOException busy) when (busy.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"{busy.Message} Another program (perhaps the console already runs) uses this port: "
        + "stop it, or choose another port with --port N (or Console:Port in appsettings.json).");
    return 3;
}
foreach (var address in app.Urls)
{
    Console.WriteLine($"Qubes Pool Console listening on {address}");
}
var backend = app.Services.GetRequiredService<ConsoleBackend>();
Console.WriteLine(backend.SocketPath is { } socket ? $"Backend: {backend.Description}, socket {socket}" : $"Backend: {backend.Description}");
var token = app.Services.GetRequiredService<LoginToken>();
var loginFile = LoginUrlPublisher.FilePath(app.Services.GetRequiredService<ConsolePaths>());
Console.WriteLine($"Open the console: {token.LoginUrl}");
Console.WriteLine($"(The login URL is also in {loginFile}, readable only by you. It changes at every start.)");
await app.WaitForShutdownAsync();
return 0;
