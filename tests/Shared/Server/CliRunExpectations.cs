using Xunit;

namespace QubesPoolConsole.Tests.Shared;

/// <summary>Lets a test state the exit code it expects where it starts the run, with the whole output on failure.</summary>
public static class CliRunExpectations
{
    /// <summary>Awaits the run and asserts its exit code; the failure message shows stdout and stderr.</summary>
    public static async Task<CliResult> ExitsWith(this Task<CliResult> running, int exitCode)
    {
        var run = await running;
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode}, got {run}");
        return run;
    }
}
