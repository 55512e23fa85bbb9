namespace QubesPoolConsole.Tests.Shared;

/// <summary>Writes a file as an editor or Qubes' own writer does: a temp file beside it, renamed over it.</summary>
public static class LikeAnEditor
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> in one rename.</summary>
    public static void Write(string path, string text)
    {
        var temp = path + ".editor-tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
