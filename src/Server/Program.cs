using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Cli;
using QubesPoolConsole.Server.Configuration;
using QubesPoolConsole.Server.Security;

// A command (pools, check, pool add…) runs without building the web host; no command serves the console.
if (CliApp.IsCommand(args)) return await CliApp.RunAsync(args, Console.Out, Console.Error);

// While this thread builds the host and starts Kestrel, the other core renders a sample of the pools page once, so
// that the first visit finds that code loaded and compiled (docs/benchmarks.md, sixth round).
_ = QubesPoolConsole.Components.Warming.FirstRenderWarmUp.StartInBackground();

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
