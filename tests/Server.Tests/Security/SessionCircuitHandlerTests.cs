using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;
using QubesPoolConsole.Server.Security;

namespace QubesPoolConsole.Server.Tests.Security;

public class SessionCircuitHandlerTests
{
    private readonly SessionRegistry _sessions = new(TimeProvider.System, TimeSpan.FromMinutes(30));
    private readonly RecordingJs _js = new();
    private readonly RecordingNavigation _navigation = new();
    private int _passedOn;

    [Fact]
    public async Task LiveSession_CallsArePassedOn_AndThePageIsLeftAlone()
    {
        // given
        var handler = HandlerFor(_sessions.Start());

        // when
        await handler(null!);
        await handler(null!);

        // then
        Assert.Equal(2, _passedOn);
        Assert.Empty(_js.Calls);
        Assert.Empty(_navigation.Reloads);
    }

    [Fact]
    public async Task EndedSession_CallsAreDropped_AndThePageIsSentToLoginOnlyOnce()
    {
        // given a circuit whose session was ended by a logout
        var session = _sessions.Start();
        var handler = HandlerFor(session);
        _sessions.End(session);

        // when three calls arrive (an event, the reply to the first sending, another event)
        await handler(null!);
        await handler(null!);
        await handler(null!);

        // then
        Assert.Equal(0, _passedOn);
        Assert.Equal([SessionCircuitHandler.SessionEndedFunction], _js.Calls);
        Assert.Empty(_navigation.Reloads);
    }

    [Fact]
    public async Task EndedSession_OnAPageWithoutTheSessionScript_ReloadsItTheFrameworksWay()
    {
        // given
        _js.Failure = new JSException("qpcSessionEnded is not defined");
        var handler = HandlerFor(session: null);

        // when
        await handler(null!);

        // then
        Assert.Equal(0, _passedOn);
        Assert.Equal([true], _navigation.Reloads);
    }

    private Func<CircuitInboundActivityContext, Task> HandlerFor(string? session)
    {
        var handler = new SessionCircuitHandler(new FixedAuth(session), _sessions, _js, _navigation);
        return handler.CreateInboundActivityHandler(_ =>
        {
            _passedOn++;
            return Task.CompletedTask;
        });
    }

    private sealed class FixedAuth(string? session) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            var claims = session is null ? [] : new[] { new Claim(SessionClaims.Session, session) };
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
        }
    }

    private sealed class RecordingJs : IJSRuntime
    {
        public List<string> Calls { get; } = [];
        public Exception? Failure { get; set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
            => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            Calls.Add(identifier);
            return Failure is null ? ValueTask.FromResult(default(TValue)!) : ValueTask.FromException<TValue>(Failure);
        }
    }

    private sealed class RecordingNavigation : NavigationManager
    {
        public RecordingNavigation() => Initialize("http://127.0.0.1/", "http://127.0.0.1/");

        public List<bool> Reloads { get; } = [];

        public override void Refresh(bool forceReload = false) => Reloads.Add(forceReload);
    }
}
