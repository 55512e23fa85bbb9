using QubesPoolConsole.Core.Backends;

namespace QubesPoolConsole.Core.Tests.Backends;

public class QubesReleaseTests
{
    [Theory]
    [InlineData("Qubes release 3.2 (R3.2)\n", 3, 2, BackendKind.StorageConf)]
    [InlineData("Qubes release 4.1.2 (R4.1)\n", 4, 1, BackendKind.Qubesd)]
    [InlineData("Qubes release 4.2.4 (R4.2)\n", 4, 2, BackendKind.Qubesd)]
    [InlineData("Qubes release 4.3.0 (R4.3)", 4, 3, BackendKind.Qubesd)]
    public void Parse_ReleaseLine_GivesVersionAndBackend(string text, int major, int minor, BackendKind backend)
    {
        var release = QubesRelease.Parse(text);

        Assert.NotNull(release);
        Assert.Equal((major, minor), (release.Major, release.Minor));
        Assert.Equal(backend, release.Backend);
        Assert.Equal($"R{major}.{minor}", release.Name);
    }

    [Fact]
    public void Parse_R40_HasNoBackend_BecauseItsSocketFramingIsNotSpoken()
        => Assert.Null(QubesRelease.Parse("Qubes release 4.0.4 (R4.0)")!.Backend);

    [Theory]
    [InlineData("")]
    [InlineData("Fedora release 41.1")]
    [InlineData("Qubes release R4")]
    public void Parse_TextWithoutRelease_IsNull(string text) => Assert.Null(QubesRelease.Parse(text));

    [Fact]
    public void Read_MissingFile_IsNull()
        => Assert.Null(QubesRelease.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
}
