namespace QubesPoolConsole.Core.Tests.Drafts;

public class TextMergeTests
{
    [Fact]
    public void Merge_ChangesOnDifferentLines_KeepsBoth()
        => Assert.Equal("A\nb\nc\nD\n", TextMerge.Merge("a\nb\nc\nd\n", "a\nb\nc\nD\n", "A\nb\nc\nd\n"));

    [Fact]
    public void Merge_SameLineChangedDifferently_IsAConflict()
        => Assert.Null(TextMerge.Merge("a\nb\n", "a\nmine\n", "a\ntheirs\n"));

    [Fact]
    public void Merge_OnlyTheyChanged_GivesTheirs()
        => Assert.Equal("x\n", TextMerge.Merge("a\n", "a\n", "x\n"));

    [Fact]
    public void Merge_KeepsLineEndingsExactly()
        => Assert.Equal("a\r\nB\r\nc", TextMerge.Merge("a\r\nb\r\nc", "a\r\nB\r\nc", "a\r\nb\r\nc"));
}
