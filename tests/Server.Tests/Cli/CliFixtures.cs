namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>The real Qubes files in ../shared/fixtures (found by walking up from the test binary).</summary>
public static class CliFixtures
{
    private static readonly Lazy<string> Dir = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "fixtures");
            if (File.Exists(Path.Combine(candidate, "r3.2-shipped-storage.conf"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/fixtures not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string name) => Path.Combine(Dir.Value, name);

    /// <summary>The VM names of r3.2-qubes.xml, in file order (every one has pool_name="default").</summary>
    public static readonly string[] R32Vms =
    [
        "dom0", "fedora-23", "debian-8", "whonix-ws", "whonix-gw", "sys-net", "sys-firewall", "untrusted",
        "sys-whonix", "anon-whonix", "vault", "personal", "work", "fedora-23-dvm", "stubdomtest", "test-work",
        "test-standalonevm", "test-template-clone", "test-custom-template-appvm", "test-testproxy", "test-testhvm",
        "test-hvmtemplate", "test-template-based-hvm", "test-net",
    ];

    /// <summary>The VM names of r3-qubes.xml, in file order (no pool_name attribute: all in 'default').</summary>
    public static readonly string[] R3Vms =
    [
        "dom0", "fedora-20-x64", "netvm", "firewallvm", "fedora-20-x64-dvm", "test-work", "banking", "personal",
        "untrusted", "test-template-clone", "test-custom-template-appvm", "test-standalonevm", "test-testproxy",
        "testproxy2", "test-testhvm", "disp50", "test-net",
    ];
}
