using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Core.Vms;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// A pool that holds a VM, changed by a whole text (a restored version, the raw editor) rather than by a form: Core
/// judges the resulting file, so the removal is refused at apply naming the VM, and a move asks for confirmation.
/// </summary>
public class PoolInUseE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task RestoringAVersionWithoutThePool_IsRefusedAtApplyNamingTheVm()
    {
        var server = Server;
        await CreatePoolWithVmAsync(server);
        var before = await File.ReadAllBytesAsync(server.ConfPath);
        var page = await OpenLoggedInAsync(server, "/undo");

        var last = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "before the last apply" });
        await last.GetByRole(AriaRole.Button, new() { Name = "Restore the version" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/review");
        await Expect(page.GetByTestId("findings")).ToContainTextAsync("Pool 'vmstore' is used by 1 VM(s): banking.");

        await ApplyIsRefusedAsync(page, "banking");
        Assert.Equal(before, await File.ReadAllBytesAsync(server.ConfPath));
    }

    [Fact]
    public async Task DeletingThePoolsSectionInTheRawEditor_IsRefusedAtApplyNamingTheVm()
    {
        var server = Server;
        var section = await CreatePoolWithVmAsync(server);
        var before = await File.ReadAllTextAsync(server.ConfPath);
        var page = await OpenLoggedInAsync(server, "/raw");

        await StageRawTextAsync(page, server, before.Replace(section, ""));

        await ApplyIsRefusedAsync(page, "Pool 'vmstore' is used by 1 VM(s): banking.");
        Assert.Equal(before, await File.ReadAllTextAsync(server.ConfPath));
    }

    [Fact]
    public async Task ChangingThePoolsDirPathInTheRawEditor_AsksForConfirmationBeforeApply()
    {
        var server = Server;
        var section = await CreatePoolWithVmAsync(server);
        var before = await File.ReadAllTextAsync(server.ConfPath);
        var elsewhere = Path.Combine(server.DataDirectory, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var moved = before.Replace(section, $"[vmstore]\ndriver=xen\ndir_path={elsewhere}\n");
        var page = await OpenLoggedInAsync(server, "/raw");

        await StageRawTextAsync(page, server, moved);
        await Expect(page.GetByTestId("findings")).ToContainTextAsync("Pool 'vmstore' holds 1 VM(s) (banking).");
        var confirm = page.GetByRole(AriaRole.Checkbox, new() { Name = "I understand: no files are moved" });
        await Expect(confirm).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("needs your confirmation");
        Assert.Equal(before, await File.ReadAllTextAsync(server.ConfPath));

        await confirm.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(moved, await File.ReadAllTextAsync(server.ConfPath));
    }

    /// <summary>Stages <paramref name="text"/> as the whole storage.conf in the raw editor; the review page opens.</summary>
    private static async Task StageRawTextAsync(IPage page, InProcessServer server, string text)
    {
        await page.GetByLabel("storage.conf text").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stage this text" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/review");
    }

    /// <summary>Apply on the review page is refused: the notice says so and gives the reason containing <paramref name="naming"/>.</summary>
    private static async Task ApplyIsRefusedAsync(IPage page, string naming)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Not applied");
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync(naming);
    }

    /// <summary>
    /// Adds pool vmstore with the console's command line (so the history keeps the version without it), then creates
    /// the VM banking in it through the console's own creation service. Returns the pool's section as written.
    /// </summary>
    private static async Task<string> CreatePoolWithVmAsync(InProcessServer server)
    {
        var dir = Path.Combine(server.DataDirectory, "vmstore");
        Directory.CreateDirectory(dir);
        var add = await new CliProcess(server.DataDirectory).RunAsync("pool", "add", "vmstore", "-o", "dir_path=" + dir);
        Assert.True(add.ExitCode == 0, add.ToString());
        var creator = server.App.Services.GetRequiredService<IVmCreationService>();
        var created = await creator.CreateAsync(
            new VmRequest { Name = "banking", Label = "green", Type = VmType.TemplateBasedAppVm, Template = "fedora-23", Pool = "vmstore" },
            new Progress<string>());
        Assert.True(created.Succeeded, created.Message);
        Assert.Contains("pool_name=\"vmstore\"", await File.ReadAllTextAsync(server.QubesXmlPath));
        return $"[vmstore]\ndriver=xen\ndir_path={dir}\n";
    }
}
