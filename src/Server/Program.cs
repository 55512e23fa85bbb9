using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Cli;

// A command (pools, check, pool add…) runs without building the web host; no command serves the console.
if (CliApp.IsCommand(args)) { Environment.ExitCode = await CliApp.RunAsync(args, Console.Out, Console.Error); return; }

var app = ConsoleHost.Build(args);
await app.StartAsync();
foreach (var address in app.Urls)
{
    Console.WriteLine($"Qubes Pool Console listening on {address}");
}
await app.WaitForShutdownAsync();
