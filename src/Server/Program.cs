using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Configuration;

WebApplication app;
try
{
    app = ConsoleHost.Build(args);
}
catch (InvalidConsoleOptionsException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
await app.StartAsync();
foreach (var address in app.Urls)
{
    Console.WriteLine($"Qubes Pool Console listening on {address}");
}
await app.WaitForShutdownAsync();
return 0;
