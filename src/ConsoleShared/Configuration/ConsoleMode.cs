namespace QubesPoolConsole.Server.Configuration;

/// <summary>Which files the console works on.</summary>
public enum ConsoleMode
{
    /// <summary>Dom0 when /etc/qubes-release exists, otherwise the sandbox.</summary>
    Auto,
    /// <summary>A demo storage.conf, qubes.xml and pool folders under <see cref="ConsoleOptions.DataDirectory"/>.</summary>
    Sandbox,
    /// <summary>The real files of a Qubes R3.2 dom0.</summary>
    Dom0,
}
