using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Cli;
using QubesPoolConsole.Server.Configuration;
using QubesPoolConsole.Server.Security;

// A command (pools, check, pool add…) runs without building the web host; no command serves the console.
if (CliApp.IsCommand(args)) return await CliApp.RunAsync(args, Console.Out, Console.Error);

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
await app.StartAsync();
foreach (var address in app.Urls)
{
    Console.WriteLine($"Qubes Pool Console listening on {address}");
}
var token = app.Services.GetRequiredService<LoginToken>();
var loginFile = LoginUrlPublisher.FilePath(app.Services.GetRequiredService<ConsolePaths>());
Console.WriteLine($"Open the console: {token.LoginUrl}");
Console.WriteLine($"(The login URL is also in {loginFile}, readable only by you. It changes at every start.)");
await app.WaitForShutdownAsync();
return 0;
