namespace QubesPoolConsole.Core.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the parser, the validator and the editor: no input makes them throw, and the round trip
/// holds. Bounded here (a few seconds); scripts/fuzz.sh sets QPC_FUZZ_ITERATIONS to run a million inputs and more.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("QPC_FUZZ_ITERATIONS"), out var n) ? n : 4000;

    private static readonly string[] Names = ["p", "pool0", "default", "DEFAULT", "Default", "new", "a]b", "x y", "", "..", "c", "pool1"];
    private static readonly string[] Keys = ["dir_path", "driver", "class", "opt", "vm", "name", "Dir_Path", "a=b", "rem", "", "x y", "_k"];
    private static readonly string[] Values = ["/srv/x", "xen", "qubes.storage.xen.XenPool", "my.pkg.Pool", "rel", "/a/../b", "/x ;c", "/x;c", "a\nb", "", " x", "\"\"", "/srv//y/", "lvm"];

    private static Gen<string> Pick(string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly Gen<PoolEdit> Edit = Gen.Frequency(
        (3, Gen.Select(Pick(Names), Pick(Values), (n, v) => (PoolEdit)AddPool.Xen(n, v))),
        (1, Gen.Select(Pick(Names), Pick(Values), Pick(Keys), Pick(Values), (n, d, k, v) => (PoolEdit)new AddPool(n, d, null, [new(k, v)]))),
        (3, Gen.Select(Pick(Names), Pick(Keys), Pick(Values), (n, k, v) => (PoolEdit)new SetPoolOptions(n, [new(k, v)]))),
        (1, Gen.Select(Pick(Names), Pick(Keys), (n, k) => (PoolEdit)new UnsetPoolOption(n, k))),
        (2, Pick(Names).Select(n => (PoolEdit)new RemovePool(n))),
        (1, ConfGen.AnyFile.Select(t => (PoolEdit)new ReplaceText(t, "raw edit"))));


    [Fact]
    public void Parser_AndValidator_NeverThrow_AndRoundTrip()
    {
        long count = 0;
        Gen.Frequency((3, ConfGen.AnyFile), (1, ConfGen.Soup), (1, ConfGen.ValidFile)).Sample(text =>
        {
            Interlocked.Increment(ref count);
            var doc = StorageConfDocument.Parse(text);
            Assert.Equal(text, doc.ToText());
            var found = PoolRules.Validate(doc);
            Assert.All(found, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
            Assert.Equal(doc.IsReadableByQubes, !doc.SyntaxDiagnostics.Any(d => d.IsError));
            if (doc.IsReadableByQubes) PoolModel.Build(doc);
        }, iter: Iterations);
        KillLoop.Report(output, $"fuzz parser+validator: {count} inputs, 0 failures");
    }

    [Fact]
    public void Loader_NeverThrows_OnRandomBytes_AndKeepsUtf8Exactly()
    {
        long count = 0;
        Gen.Frequency((3, Gen.Byte.Array[0, 300]), (1, ConfGen.AnyFile.Select(t => Encoding.UTF8.GetBytes(t)))).Sample(bytes =>
        {
            Interlocked.Increment(ref count);
            var load = ConfFileStore.FromBytes(bytes);
            if (load.IsLoaded) Assert.Equal(bytes, Encoding.UTF8.GetBytes(load.Document!.ToText()));
            else Assert.Equal(Core.Diagnostics.DiagnosticCodes.NotUtf8, load.Problem!.Code);
        }, iter: Math.Max(1, Iterations / 4));
        KillLoop.Report(output, $"fuzz loader (random bytes): {count} inputs, 0 failures");
    }

    [Fact]
    public void Editor_WithRandomEdits_NeverThrows_AndOnlyWritesWhatItAccepts()
    {
        long count = 0;
        Gen.Select(Gen.Frequency((2, ConfGen.ValidFile), (1, ConfGen.AnyFile)), Edit.Array[1, 5]).Sample(t =>
        {
            Interlocked.Increment(ref count);
            var doc = StorageConfDocument.Parse(t.Item1);
            foreach (var edit in t.Item2)
            {
                var result = PoolEditor.Apply(doc, edit);
                if (!result.Ok)
                {
                    Assert.NotEmpty(result.Errors);
                    continue;
                }
                var next = result.Document!;
                Assert.Equal(next.ToText(), StorageConfDocument.Parse(next.ToText()).ToText());
                if (edit is not ReplaceText && doc.IsReadableByQubes)
                {
                    // A form edit never makes a readable file unreadable, nor removes the default pool.
                    Assert.True(next.IsReadableByQubes);
                    Assert.Equal(doc.FindSection("default") is null, next.FindSection("default") is null);
                }
                doc = next;
            }
        }, iter: Math.Max(1, Iterations / 20));
        KillLoop.Report(output, $"fuzz editor (1-5 random edits each): {count} inputs, 0 failures");
    }
}
