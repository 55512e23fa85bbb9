namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// A test class with a fresh stand-in qubesd (R4.3 defaults) per test: xunit starts it before and stops it after
/// each test, so the classes share this lifetime instead of repeating it.
/// </summary>
public abstract class SandboxTests : IAsyncLifetime
{
    private SandboxFixture? _q;

    /// <summary>The running stand-in of the current test.</summary>
    internal SandboxFixture Q => _q ?? throw new InvalidOperationException("The sandbox starts in InitializeAsync.");

    public async Task InitializeAsync() => _q = await SandboxFixture.StartAsync();

    public async Task DisposeAsync()
    {
        if (_q is not null) await _q.DisposeAsync();
    }

    /// <summary>A path inside the test's temp folder.</summary>
    protected string Dir(string name) => Path.Combine(Q.Root, name);

    /// <summary>Adds the file pool <paramref name="name"/> in <c>Dir(name)</c>, which qubesd must accept; returns the directory.</summary>
    protected async Task<string> AddFilePoolAsync(string name, string moreOptions = "")
    {
        var dir = Dir(name);
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "file", payload: $"name={name}\ndir_path={dir}\n{moreOptions}"));
        return dir;
    }
}
