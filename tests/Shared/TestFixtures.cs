namespace QubesPoolConsole.Tests.Shared;

/// <summary>The real Qubes files in tests/fixtures (their origin is in tests/fixtures/README.md).</summary>
public static class TestFixtures
{
    /// <summary>The fixtures folder.</summary>
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "fixtures");

    /// <summary>Full path of a fixture file.</summary>
    public static string PathOf(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : throw new FileNotFoundException("No such fixture in tests/fixtures: " + name, path);
    }

    /// <summary>The storage.conf Qubes R3.2 ships, exactly.</summary>
    public static byte[] ShippedStorageConf => File.ReadAllBytes(PathOf("r3.2-shipped-storage.conf"));

    /// <summary>The shipped storage.conf as text.</summary>
    public static string ShippedStorageConfText => File.ReadAllText(PathOf("r3.2-shipped-storage.conf"));

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
