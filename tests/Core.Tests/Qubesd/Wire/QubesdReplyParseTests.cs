namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

public class QubesdReplyParseTests
{
    [Fact]
    public void Ok_KeepsContentBytes()
    {
        var reply = QubesdReply.Parse(Bytes.Of("0\0pool-file\npool-lvm\n"));
        Assert.Equal(QubesdReplyKind.Ok, reply.Kind);
        Assert.Equal("pool-file\npool-lvm\n", reply.Text);
        Assert.Equal("", QubesdReply.Parse(Bytes.Of("0\0")).Text);
    }

    [Fact]
    public void Exception_TypeAndMessageAsWritten_NoTracebackWithoutDebug()
    {
        // CAC qubesadmin/tests/errors.py
        var reply = ParseException("2\0QubesException\0\0An error occurred\0", "QubesException", "An error occurred");
        Assert.Null(reply.Traceback);
        Assert.False(reply.IsRefusal);
    }

    [Fact]
    public void Exception_WithArgs_IsFormattedAsQubesadminDoes()
    {
        var reply = QubesdReply.Parse(Bytes.Of("2\0QubesException\0\0An error occurred: %s, %s\0string\0other\0"));
        Assert.Equal("An error occurred: string, other", reply.Message);
    }

    [Fact]
    public void Exception_WithTraceback_KeepsIt()
    {
        var reply = QubesdReply.Parse(Bytes.Of("2\0QubesPoolInUseError\0Traceback (most recent call last):\n  File \"app.py\"\n\0Storage pool is in use: 'p'\0"));
        Assert.Equal("QubesPoolInUseError", reply.ExceptionType);
        Assert.Equal("Storage pool is in use: 'p'", reply.Message);
        Assert.StartsWith("Traceback (most recent call last):", reply.Traceback);
    }

    [Fact]
    public void FutureR44PermissionDenied_IsAnExceptionAndARefusal()
    {
        var reply = ParseException("2\0PermissionDenied\0\0pool name contains illegal characters\0",
            "PermissionDenied", "pool name contains illegal characters");
        Assert.True(reply.IsRefusal);
        Assert.True(QubesdReply.Parse(Bytes.Of("2\0ProtocolError\0\0Unexpected driver options found\0")).IsRefusal);
    }

    [Fact]
    public void EmptyReply_IsTheJournalSentence()
    {
        var reply = QubesdReply.Parse([], "/run/q.sock");
        Assert.Equal(QubesdReplyKind.Empty, reply.Kind);
        Assert.Equal("qubesd refused the call — see `journalctl -u qubesd`", reply.Message);
        Assert.True(reply.IsRefusal);
        Assert.Equal("/run/q.sock", reply.SocketPath);
    }

    [Theory]
    [InlineData("type byte is 0x33", "3\0x")]
    [InlineData("do not end with a NUL", "2\0QubesException\0\0no final nul")]
    [InlineData("1 of the 3 fields", "2\0QubesException\0")]
    [InlineData("does not start with a type digit and a NUL", "0", "0x")]
    [InlineData("type is empty", "2\0\0\0message\0")]
    [InlineData("event stream where a single reply was expected", "1\0subject\0event\0\0")]
    public void Malformed_SaysWhatIsWrong(string expected, params string[] replies)
    {
        Assert.All(replies, bytes => AssertMalformed(bytes, expected));
    }

    private static void AssertMalformed(string bytes, string expected)
    {
        var reply = QubesdReply.Parse(Bytes.Of(bytes), "/run/q.sock");
        Assert.Equal(QubesdReplyKind.Malformed, reply.Kind);
        Assert.StartsWith("qubesd on /run/q.sock sent a reply the console cannot read: ", reply.Message);
        Assert.Contains(expected, reply.Message);
    }

    [Fact]
    public void Malformed_ExceptionNotUtf8()
    {
        var reply = QubesdReply.Parse([(byte)'2', 0, (byte)'E', 0, 0, 0xff, 0xfe, 0]);
        Assert.Equal(QubesdReplyKind.Malformed, reply.Kind);
        Assert.Contains("not UTF-8", reply.Message);
    }

    // Parses an exception reply and checks its kind, type and message; the caller checks the rest.
    private static QubesdReply ParseException(string bytes, string type, string message)
    {
        var reply = QubesdReply.Parse(Bytes.Of(bytes));
        Assert.Equal(QubesdReplyKind.QubesException, reply.Kind);
        Assert.Equal(type, reply.ExceptionType);
        Assert.Equal(message, reply.Message);
        return reply;
    }
}
