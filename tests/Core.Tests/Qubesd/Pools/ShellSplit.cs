namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>A POSIX shell word splitter (quotes and backslashes; no expansions), to check rendered commands.</summary>
internal static class ShellSplit
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var cur = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == ' ' || c == '\t')
            {
                if (inWord) { words.Add(cur.ToString()); cur.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                int end = line.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException("unterminated single quote");
                cur.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '\\' && i + 1 < line.Length) cur.Append(line[++i]);
            else if (c is '"' or '$' or '`' or '*' or '?' or '[' or '~' or '#' or '&' or ';' or '|' or '<' or '>' or '(' or ')' or '!' or '{' or '}')
            {
                throw new FormatException($"unquoted special character {c}");
            }
            else cur.Append(c);
        }
        if (inWord) words.Add(cur.ToString());
        return words;
    }
}
