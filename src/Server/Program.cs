using QubesPoolConsole.Server;

var app = ConsoleHost.Build(args);
await app.StartAsync();
foreach (var address in app.Urls)
{
    Console.WriteLine($"Qubes Pool Console listening on {address}");
}
await app.WaitForShutdownAsync();
