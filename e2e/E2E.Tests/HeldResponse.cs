using Microsoft.AspNetCore.Http;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// A slow network for one request path: the console handles the request at once, but its response is held back
/// until <see cref="Release"/>, so a test can act in the page that is still shown while the navigation is under way.
/// Register it as an <see cref="IStartupFilter"/> (it runs ahead of the console's own middleware).
/// </summary>
public sealed class HeldResponse(string method, string path) : IStartupFilter
{
    private readonly TaskCompletionSource _handled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the console has handled the request (its response is still held).</summary>
    public Task Handled => _handled.Task;

    /// <summary>Lets the held response go to the browser.</summary>
    public void Release() => _released.TrySetResult();

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!HttpMethods.Equals(context.Request.Method, method) || context.Request.Path != path)
            {
                await nextMiddleware(context);
                return;
            }
            var body = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            await nextMiddleware(context);
            _handled.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30));
            context.Response.Body = body;
            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(body);
        });
        next(app);
    };
}
