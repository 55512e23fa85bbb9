namespace QubesPoolConsole.Core.Config;

/// <summary>
/// The storage.conf that Qubes R3.2 ships (package qubes-core-dom0), byte for byte, so that a missing file can be
/// restored. Written line by line with explicit endings so that no editor can change its bytes (one line ends in a space).
/// </summary>
public static class ShippedStorageConf
{
    /// <summary>The exact text of the shipped file.</summary>
    public static readonly string Text = ""
        + "[default] ; poolname\n"
        + "driver=xen ; the default xen storage\n"
        + "; class = qubes.storage.xen.XenStorage ; class always overwrites the driver\n"
        + "; \n"
        + "; To use our own storage adapter, you need just to specify the module path and\n"
        + "; class name\n"
        + "; [pool-b]\n"
        + "; class = foo.bar.MyStorage\n"
        + ";\n"
        + "; [test-dummy]\n"
        + "; driver=dummy\n"
        + "\n";
}
