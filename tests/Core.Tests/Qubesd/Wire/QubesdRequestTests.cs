namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

public class QubesdRequestTests
{
    [Fact]
    public void Frame_WritesHeaderNulPayload_WithPlusForEmptyArg()
    {
        Assert.True(QubesdRequest.TryCreate("admin.pool.List", null, "dom0", ReadOnlyMemory<byte>.Empty, out var list, out _));
        Assert.Equal(Bytes.Of("admin.pool.List+ dom0 name dom0\0"), list.Bytes.ToArray());

        Assert.True(QubesdRequest.TryCreate("admin.pool.Add", "file", "dom0", "name=test-pool\ndir_path=/some/path\n", out var add, out _));
        Assert.Equal(Bytes.Of("admin.pool.Add+file dom0 name dom0\0name=test-pool\ndir_path=/some/path\n"), add.Bytes.ToArray());
        Assert.Equal("admin.pool.Add+file dom0 name dom0", add.Header);
        Assert.Equal(Bytes.Of("name=test-pool\ndir_path=/some/path\n"), add.Payload.ToArray());
    }

    [Theory]
    [InlineData("", "x", "dom0", "method name is empty")]
    [InlineData("admin.pool List", "", "dom0", "may only hold letters")]
    [InlineData("admin.pool.List+x", "", "dom0", "may only hold letters")]
    [InlineData("admin.pool.Info", "my pool", "dom0", "argument \"my pool\"")]
    [InlineData("admin.pool.Info", "a\0b", "dom0", "argument")]
    [InlineData("admin.pool.Info", "pöol", "dom0", "argument")]
    [InlineData("admin.vm.List", "", "", "destination is empty")]
    [InlineData("admin.vm.List", "", "bad name", "destination \"bad name\"")]
    [InlineData("admin.vm.List", "", "dom0\n", "destination")]
    public void TryCreate_RefusesWhatQubesdWouldMisread(string method, string arg, string dest, string expected)
    {
        Assert.False(QubesdRequest.TryCreate(method, arg, dest, ReadOnlyMemory<byte>.Empty, out var request, out var problem));
        Assert.Null(request);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void TryCreate_AllowsExactly64KiB_RefusesOneByteMore()
    {
        var header = "admin.pool.Add+file dom0 name dom0".Length + 1;
        Assert.True(QubesdRequest.TryCreate("admin.pool.Add", "file", "dom0", new byte[QubesdRequest.MaxBytes - header], out var fits, out _));
        Assert.Equal(65536, fits.Bytes.Length);

        Assert.False(QubesdRequest.TryCreate("admin.pool.Add", "file", "dom0", new byte[QubesdRequest.MaxBytes - header + 1], out _, out var problem));
        Assert.Equal("The call admin.pool.Add would send 65537 bytes; qubesd refuses requests over 65536 bytes, so it was not sent.", problem);
    }
}
