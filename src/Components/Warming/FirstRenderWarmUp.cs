using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace QubesPoolConsole.Components.Warming;

/// <summary>
/// Renders <see cref="FirstRenderSample"/> to HTML once, in a renderer and service provider of its own: nothing of the
/// console's (no draft, no file, no session) is touched. Started by the host while it builds and starts Kestrel, on the
/// core the start leaves idle, so that the first visit does not pay for loading and compiling the page's code.
/// </summary>
public static class FirstRenderWarmUp
{
    /// <summary>Starts <see cref="RenderAsync"/> on the thread pool; its task never faults (a failure only costs time).</summary>
    public static Task<Exception?> StartInBackground() => Task.Run(async () =>
    {
        try
        {
            await RenderAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    });

    /// <summary>The sample page's HTML.</summary>
    public static async Task<string> RenderAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(); // no provider: nothing is written anywhere
        services.AddMudServices();
        services.AddSingleton<IJSRuntime, NoScripts>();
        services.AddSingleton<NavigationManager, FixedAddress>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<FirstRenderSample>()).ToHtmlString());
    }

    // Static rendering runs no OnAfterRender; only disposal calls scripts (to stop watching the browser), and there
    // is no browser to undo anything in.
    private sealed class NoScripts : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
            => InvokeAsync<TValue>(identifier, args);
    }

    private sealed class FixedAddress : NavigationManager
    {
        public FixedAddress() => Initialize("http://127.0.0.1/", "http://127.0.0.1/");
    }
}
