using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace QubesPoolConsole.Server.Tests.Security;

public class SessionCircuitHandlerTests
{
    private readonly SessionRegistry _sessions = new(TimeProvider.System, TimeSpan.FromMinutes(30));
    private readonly RecordingJs _js = new();
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
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EndedOrMissingSession_CallsAreDropped_AndThePageIsSentToLoginOnlyOnce(bool hadSession)
    {
        // given a circuit whose session was ended by a logout, or that never had one
        var session = _sessions.Start();
        var handler = HandlerFor(hadSession ? session : null);
        _sessions.End(session);

        // when three calls arrive (an event, the reply to the first sending, another event)
        await handler(null!);
        await handler(null!);
        await handler(null!);

        // then
        Assert.Equal(0, _passedOn);
        Assert.Equal([SessionCircuitHandler.SessionEndedFunction], _js.Calls);
    }

    private Func<CircuitInboundActivityContext, Task> HandlerFor(string? session)
    {
        var handler = new SessionCircuitHandler(new FixedAuth(session), _sessions, _js);
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

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
            => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            Calls.Add(identifier);
            return ValueTask.FromResult(default(TValue)!);
        }
    }
}
