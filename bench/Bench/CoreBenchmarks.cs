using BenchmarkDotNet.Attributes;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diffs;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Bench;

/// <summary>Core's storage.conf work on generated files of 10, 1,000 and 10,000 pools.</summary>
[MemoryDiagnoser]
public class CoreBenchmarks
{
    private string _text = "";
    private StorageConfDocument _document = StorageConfDocument.Empty;
    private string _pool = "";
    private string _folder = "";
    private QubesPoolConsole.Core.Storage.ConfFileStore _store = null!;

    /// <summary>Pools besides default.</summary>
    [Params(10, 1_000, 10_000)]
    public int Pools { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = ConfGenerator.Generate(Pools);
        _document = StorageConfDocument.Parse(_text);
        _pool = ConfGenerator.MiddlePool(Pools);
        if (_document.ToText() != _text) throw new InvalidOperationException("Round trip is not lossless.");
        _folder = Directory.CreateTempSubdirectory("qpc-bench-").FullName;
        File.WriteAllText(Path.Combine(_folder, "storage.conf"), _text);
        _store = new QubesPoolConsole.Core.Storage.ConfFileStore(QubesPoolConsole.Core.Storage.ConfFileStoreOptions.For(
            Path.Combine(_folder, "storage.conf"), Path.Combine(_folder, "state")));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>A no-op load and save through the safe store: read, hash, decode, parse; lock, re-read, compare, write nothing.</summary>
    [Benchmark]
    public QubesPoolConsole.Core.Storage.SaveStatus LoadSaveNoOp()
    {
        var load = _store.Load();
        return _store.Save(load.Document!.ToText(), load.Sha256).Status;
    }

    /// <summary>Text to document: split lines and classify them as Qubes' parser does.</summary>
    [Benchmark]
    public StorageConfDocument Parse() => StorageConfDocument.Parse(_text);

    /// <summary>An unedited document back to text (must equal the input).</summary>
    [Benchmark]
    public string SerializeNoOp() => _document.ToText();

    /// <summary>A no-op load and save, in memory: parse, then serialize.</summary>
    [Benchmark]
    public string ParseSerialize() => StorageConfDocument.Parse(_text).ToText();

    /// <summary>The side-by-side job: parse, set one key, serialize, unified diff.</summary>
    [Benchmark]
    public string ParseEditSerializeDiff()
    {
        var edited = StorageConfDocument.Parse(_text).SetOption(_pool, "dir_path", "/srv/pools/moved");
        return UnifiedDiff.Create(_text, edited.ToText());
    }

    /// <summary>The same through the pool editor, as the console and the CLI do it (validates before and after).</summary>
    [Benchmark]
    public string ParseEditorApplySerializeDiff()
    {
        var document = StorageConfDocument.Parse(_text);
        var result = PoolEditor.Apply(document, new SetPoolOptions(_pool, [new("dir_path", "/srv/pools/moved")]));
        return UnifiedDiff.Create(_text, result.Document!.ToText());
    }

    /// <summary>Every rule on the whole document.</summary>
    [Benchmark]
    public int Validate() => PoolRules.Validate(_document).Count;

    /// <summary>The effective pools Qubes would load.</summary>
    [Benchmark]
    public int EffectivePools() => PoolModel.Build(_document).Count;
}
