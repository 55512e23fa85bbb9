namespace QubesPoolConsole.Server.Tests.Security;

public class LoginUrlFileTests
{
    [Fact]
    public async Task Start_WritesTheLoginUrlToAFileOnlyTheOwnerCanRead()
    {
        await using var server = await InProcessServer.StartAsync();
        var file = Path.Combine(server.StateDirectory, LoginUrlPublisher.FileName);

        Assert.Equal(server.LoginUrl + "\n", await File.ReadAllTextAsync(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.StartsWith($"http://127.0.0.1:{server.BaseAddress.Port}/login?t=", server.LoginUrl);
    }

    [Fact]
    public async Task Restart_ReplacesALooserOldFile_WithAFreshOwnerOnlyOne()
    {
        var state = Directory.CreateTempSubdirectory("qpc-state-").FullName;
        try
        {
            var file = Path.Combine(state, LoginUrlPublisher.FileName);
            await File.WriteAllTextAsync(file, "old");
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);

            await using var server = await InProcessServer.StartAsync(s => s["Console:StateDirectory"] = state);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Contains(server.Token, await File.ReadAllTextAsync(file));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public void Token_HasAtLeast128BitsAndIsComparedExactly()
    {
        var token = new LoginToken();
        var other = new LoginToken();

        Assert.True(token.Value.Length * 6 >= 128);
        Assert.NotEqual(token.Value, other.Value);
        Assert.True(token.Matches(token.Value));
        Assert.False(token.Matches(other.Value));
        Assert.False(token.Matches(token.Value[..^1]));
        Assert.False(token.Matches(token.Value + "x"));
        Assert.False(token.Matches(null));
        Assert.False(token.Matches(""));
    }
}
