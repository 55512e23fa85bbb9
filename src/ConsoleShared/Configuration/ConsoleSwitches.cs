namespace QubesPoolConsole.Server.Configuration;

/// <summary>The command-line switches of the server and the CLI, mapped to configuration keys (one table for both).</summary>
public static class ConsoleSwitches
{
    /// <summary>Command-line switches mapped to configuration keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Mappings = new Dictionary<string, string>
    {
        ["--conf"] = "Console:Conf",
        ["--qubes-xml"] = "Console:QubesXml",
        ["--data"] = "Console:DataDirectory",
        ["--state"] = "Console:StateDirectory",
        ["--port"] = "Console:Port",
        ["--mode"] = "Console:Mode",
        ["--config"] = SystemConfigFile.Key,
        ["--backend"] = "Console:Backend",
        ["--qubesd-socket"] = "Console:QubesdSocket",
        ["--r4-release"] = "Console:QubesdRelease",
    };
}
