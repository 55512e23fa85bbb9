namespace QubesPoolConsole.Core.Tests.Storage;

public class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public void WriterKilledAtRandomMoments_LeavesTheOldOrTheNewFile_NeverAMix()
    {
        // scripts/kill-test.sh raises the count with QPC_KILLS (1,000 there).
        int kills = int.TryParse(Environment.GetEnvironmentVariable("QPC_KILLS"), out var k) ? k : 200;
        int seed = Environment.TickCount;

        var result = KillLoop.Run(kills, seed);

        KillLoop.Report(output, $"kill test (seed {seed}): {result}");
        Assert.Equal(kills, result.Kills);
        // The kills must really land inside saves, not only between them.
        Assert.True(result.KillsWithTempFilePresent > 0 || result.KillsAfterNewText > kills / 10, result.ToString());
        Assert.True(result.SavesCompleted > 0, result.ToString());
    }
}
