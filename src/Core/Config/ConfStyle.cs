namespace QubesPoolConsole.Core.Config;

/// <summary>The prevailing style of a file, so that added lines look like their neighbours.</summary>
internal static class ConfStyle
{
    /// <summary>The most common line ending; <c>\n</c> when the file has none.</summary>
    public static string LineEnding(IEnumerable<ConfLine> lines)
    {
        int crlf = 0, lf = 0;
        foreach (var l in lines)
        {
            if (l.Eol == "\r\n") crlf++;
            else if (l.Eol == "\n") lf++;
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /// <summary>The most common text between an option's name and its value (<c>=</c>, <c> = </c>, <c>: </c>…); <c>=</c> by default.</summary>
    public static string Separator(IEnumerable<ConfLine> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in lines)
        {
            if (l.Kind != LineKind.Option || l.ValueStart >= l.Text.Length) continue;
            int sep = l.Text.AsSpan().IndexOfAny(':', '=');
            int keyEnd = PyText.StripEnd(l.Text, sep);
            var s = l.Text[keyEnd..l.ValueStart];
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }
        return counts.Count == 0 ? "=" : counts.MaxBy(kv => kv.Value).Key;
    }
}
