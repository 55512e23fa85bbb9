namespace QubesPoolConsole.Core.Tests.Config;

public class PyTextTests
{
    [Fact]
    public void HasAsciiUpper_IsTrueExactlyWhenPython2LowerWouldChangeTheText()
    {
        // Given every character up to U+02FF, alone and inside a lower-case key
        for (int c = 0; c < 0x300; c++)
        {
            string alone = ((char)c).ToString();
            string inKey = "dir_" + (char)c + "path";

            // When Python 2's str.lower() (ASCII letters only) is compared with the text
            bool changes = PyText.AsciiLower(alone) != alone;

            // Then HasAsciiUpper says so, for the character alone and inside the key
            Assert.Equal(changes, PyText.HasAsciiUpper(alone));
            Assert.Equal(changes, PyText.HasAsciiUpper(inKey));
        }
        Assert.False(PyText.HasAsciiUpper(""));
    }
}
