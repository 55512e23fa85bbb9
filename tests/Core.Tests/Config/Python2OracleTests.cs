namespace QubesPoolConsole.Core.Tests.Config;

/// <summary>Differential test: generated files are read exactly as Python 2.7's RawConfigParser reads them.</summary>
public class Python2OracleTests
{
    [SkippableFact]
    public void GeneratedFiles_AreReadExactlyAsPython27Reads()
    {
        Skip.If(Python2.Interpreter is null, Python2.MissingReason);
        var texts = Gen.Frequency((4, ConfGen.AnyFile), (1, ConfGen.Soup)).Array[1500].Single();

        var views = QubesView.Python2Views(texts)!;

        var mismatches = Enumerable.Range(0, texts.Length)
            .Where(i => QubesView.Of(texts[i]) != views[i])
            .Select(i => $"{Escape(texts[i])}\n  ours:   {Escape(QubesView.Of(texts[i]))}\n  python: {Escape(views[i])}")
            .Take(5).ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Escape(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
