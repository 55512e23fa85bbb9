namespace QubesPoolConsole.Core.Tests.Config;

/// <summary>
/// SetOption changes a value without re-classifying the whole file when it can (for speed on large files).
/// These prove the edited document is read exactly as a fresh parse of its text would be.
/// </summary>
public class SetOptionShortcutTests
{
    private static readonly string[] LineTexts =
    [
        "[a]", "[b]", "[DEFAULT]", "[a] ; again", "k=v", "k = v ; note", "K: v", "dir_path=/x", "dir_path = /y;z",
        "driver=xen", "  continued", "", "   ", "# comment", "; comment", "rem x", "[x=1", "k=\0", "=bad", "k=\"\"",
    ];

    private static readonly Gen<string> Document = Gen.Select(
            Gen.Int[0, LineTexts.Length - 1].Array[0, 14],
            Gen.Bool.Array[14],
            Gen.Bool)
        .Select(t => string.Concat(t.Item1.Select((i, n) => LineTexts[i] + (t.Item2[n] ? "\r\n" : "\n"))) + (t.Item3 ? "k=end" : ""));

    private static readonly string[] Sections = ["a", "b", "DEFAULT"];
    private static readonly string[] Keys = ["k", "dir_path", "driver", "new"];
    private static readonly string[] Values = ["v", "w", "", "a;b", "x]", "/srv/p", "v ;c"];

    [Fact]
    public void AnyDocument_SetOption_IsReadAsAFreshParseOfItsText()
    {
        Gen.Select(Document, Gen.Int[0, Sections.Length - 1], Gen.Int[0, Keys.Length - 1], Gen.Int[0, Values.Length - 1]).Sample(t =>
        {
            var (text, s, k, v) = t;
            var document = StorageConfDocument.Parse(text);
            if (document.FindSection(Sections[s]) is null || ConfSyntax.ValueProblem(Values[v]) is not null) return;

            var edited = document.SetOption(Sections[s], Keys[k], Values[v]);

            Assert.Equal(Describe(StorageConfDocument.Parse(edited.ToText())), Describe(edited));
            Assert.Equal(text, document.ToText());
        }, iter: 20_000);
    }

    [Fact]
    public void ExistingValue_SetOption_LeavesTheOriginalDocumentAsItWas()
    {
        var document = StorageConfDocument.Parse("[a]\nk = v ; note\n[b]\nk=1\n");
        var before = Describe(document);

        var edited = document.SetOption("a", "k", "w");

        Assert.Equal("[a]\nk = w ; note\n[b]\nk=1\n", edited.ToText());
        Assert.Equal("w", edited.FindSection("a")!.Options["k"].Value);
        Assert.Equal(before, Describe(document));
        Assert.Equal("v", document.FindSection("a")!.Options["k"].Value);
    }

    private static string Describe(StorageConfDocument d)
    {
        var lines = d.Lines.Select(l => $"{l.Number}:{l.Kind}:{l.Section}:{l.Key}:{l.Value}:{l.ValueStart}:{l.ValueEnd}:{l.Text}{l.Eol}");
        var sections = d.Sections.Append(d.Defaults).OfType<ConfSection>().Select(s =>
            $"[{s.Name}]{string.Join(",", s.HeaderLines)}:{string.Join(";", s.Options.Select(o => $"{o.Key}={o.Value}@{o.Value.Line}x{o.Value.Occurrences}"))}");
        var diagnostics = d.SyntaxDiagnostics.Select(x => x.ToString() + x.Section + x.Key);
        return string.Join("\n", lines.Concat(sections).Concat(diagnostics)) + d.IsReadableByQubes;
    }
}
