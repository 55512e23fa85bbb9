using QubesPoolConsole.Server.Cli;

// qubes-pool: the console's commands (pools, check, pool add…) without the web host; see CliApp and the README.
return await CliApp.RunAsync(args, Console.Out, Console.Error);
