using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QubesPoolConsole.Server.Security;

namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>Session keys live in memory only: nothing loads or writes an XML key ring under the user's home.</summary>
public class DataProtectionKeysTests
{
    private static bool IsKeyRingTask(ServiceDescriptor d) =>
        d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == ConsoleSecurity.KeyRingHostedService;

    [Fact]
    public void WithoutKeyRingOnDisk_RemovesTheStartUpTaskThatAddDataProtectionRegisters()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        Assert.Single(services, IsKeyRingTask); // the name still matches ASP.NET Core's type

        services.WithoutKeyRingOnDisk();

        Assert.DoesNotContain(services, IsKeyRingTask);
        Assert.Contains(services, d => d.ServiceType == typeof(IDataProtectionProvider));
    }

    [Fact]
    public async Task Host_RunsNoKeyRingTask_AndStillProtectsWithTheEphemeralProvider()
    {
        await using var server = await InProcessServer.StartAsync();

        var hosted = server.App.Services.GetServices<IHostedService>().Select(h => h.GetType().FullName);
        Assert.DoesNotContain(ConsoleSecurity.KeyRingHostedService, hosted);
        var protector = server.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("session", protector.Unprotect(protector.Protect("session")));
    }
}
