namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

public class QubesdEventParserTests
{
    // As the qubesd peer sent them (release4.3): connection, pool add/remove, a property set, a VM event, an empty value.
    private const string Stream =
        "1\0\0connection-established\0\0" +
        "1\0\0pool-add\0pool\0evp\0\0" +
        "1\0\0pool-pre-delete\0pool\0evp\0\0" +
        "1\0\0property-set:default_pool\0name\0default_pool\0newvalue\0linux-kernel\0oldvalue\0varlibqubes\0\0" +
        "1\0work\0domain-feature-set:x\0feature\0x\0value\0\0oldvalue\0\0\0";

    private static void AssertExpected(IReadOnlyList<QubesdEvent> events)
    {
        Assert.Equal(5, events.Count);
        Assert.Equal(("", "connection-established", 0), (events[0].Subject, events[0].Name, events[0].Properties.Count));
        Assert.Equal(("pool-add", "evp"), (events[1].Name, events[1].Get("pool")));
        Assert.Equal("pool-pre-delete", events[2].Name);
        Assert.Equal("property-set:default_pool", events[3].Name);
        Assert.Equal(["name", "newvalue", "oldvalue"], events[3].Properties.Select(p => p.Key));
        Assert.Equal("linux-kernel", events[3].Get("newvalue"));
        Assert.Equal("work", events[4].Subject);
        Assert.Equal("", events[4].Get("value"));
        Assert.Equal("", events[4].Get("oldvalue"));
        Assert.Null(events[4].Get("nothing"));
    }

    [Fact]
    public void WholeStream_InOneFeed()
    {
        var parser = new QubesdEventParser();
        var events = new List<QubesdEvent>();
        Assert.True(parser.Feed(Bytes.Of(Stream), events));
        AssertExpected(events);
        Assert.Equal(QubesdReplyKind.StreamClosed, parser.Finish().Kind);
    }

    [Fact]
    public void SplitAtEveryBytePosition_GivesTheSameEvents()
    {
        var bytes = Bytes.Of(Stream);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var parser = new QubesdEventParser();
            var events = new List<QubesdEvent>();
            Assert.True(parser.Feed(bytes.AsSpan(0, cut), events));
            var before = events.Count;
            Assert.True(parser.Feed(bytes.AsSpan(cut), events));
            AssertExpected(events);
            // An event is handed out exactly when its closing NUL has arrived, never earlier.
            Assert.Equal(CountCompleteEvents(bytes.AsSpan(0, cut)), before);
        }
    }

    [Fact]
    public void SplitAtEveryPairOfPositions_GivesTheSameEvents()
    {
        var bytes = Bytes.Of(Stream);
        for (var a = 0; a <= bytes.Length; a += 3)
        {
            for (var b = a; b <= bytes.Length; b += 5)
            {
                var parser = new QubesdEventParser();
                var events = new List<QubesdEvent>();
                parser.Feed(bytes.AsSpan(0, a), events);
                parser.Feed(bytes.AsSpan(a, b - a), events);
                parser.Feed(bytes.AsSpan(b), events);
                AssertExpected(events);
            }
        }
    }

    [Fact]
    public void OneByteAtATime()
    {
        var parser = new QubesdEventParser();
        var events = new List<QubesdEvent>();
        foreach (var b in Bytes.Of(Stream)) Assert.True(parser.Feed([b], events));
        AssertExpected(events);
    }

    [Fact]
    public void RawProtocolEventVector()
    {
        // CA qubes/tests/api.py: mgmt.event → b"1\0subject\0event\0payload\0payload\0\0"
        var parser = new QubesdEventParser();
        var events = new List<QubesdEvent>();
        parser.Feed(Bytes.Of("1\0subject\0event\0payload\0payload\0\0"), events);
        var e = Assert.Single(events);
        Assert.Equal(("subject", "event", "payload"), (e.Subject, e.Name, e.Get("payload")));
    }

    [Fact]
    public void EndInsideAnEvent_IsMalformed()
    {
        var parser = new QubesdEventParser();
        var events = new List<QubesdEvent>();
        parser.Feed(Bytes.Of("1\0\0connection-established\0\0" + "1\0\0pool-add\0pool\0"), events);
        Assert.Single(events);
        var end = parser.Finish("/s");
        Assert.Equal(QubesdReplyKind.Malformed, end.Kind);
        Assert.Equal("The qubesd event stream on /s cannot be read: the stream ended inside an event.", end.Message);
    }

    [Theory]
    [InlineData("1\0\0connection-established\0\0" + "X\0", "an event starts with the byte 0x58, not '1' (after 1 events)")]
    [InlineData("1x", "the event type '1' is not followed by a NUL (after 0 events)")]
    [InlineData("1\0\0\0", "an event has an empty name (after 0 events)")]
    public void BrokenStream_StopsWithProblem(string bytes, string problem)
    {
        var parser = new QubesdEventParser();
        var events = new List<QubesdEvent>();
        Assert.False(parser.Feed(Bytes.Of(bytes), events));
        Assert.Equal(problem, parser.Problem);
        Assert.False(parser.Feed(Bytes.Of("1\0\0x\0\0"), events));
        Assert.Equal(QubesdReplyKind.Malformed, parser.Finish().Kind);
    }

    [Fact]
    public void StreamThatIsAnExceptionReply_GivesTheException()
    {
        var parser = new QubesdEventParser();
        var events = new List<QubesdEvent>();
        var bytes = Bytes.Of("2\0QubesVMNotFoundError\0\0No such domain: 'x'\0");
        foreach (var b in bytes) parser.Feed([b], events);
        Assert.Empty(events);
        var end = parser.Finish();
        Assert.Equal(("QubesVMNotFoundError", "No such domain: 'x'"), (end.ExceptionType, end.Message));
    }

    [Fact]
    public void EmptyStream_IsAnEmptyReply() =>
        Assert.Equal(QubesdReplyKind.Empty, new QubesdEventParser().Finish().Kind);

    private static int CountCompleteEvents(ReadOnlySpan<byte> prefix)
    {
        // Independent count: walk tokens; an event ends at the empty key token after subject and name.
        var count = 0;
        var text = System.Text.Encoding.UTF8.GetString(prefix);
        var tokens = text.Split('\0');
        var i = 0;
        while (i + 3 < tokens.Length) // "1", subject, name, then pairs until ""
        {
            var j = i + 3;
            while (j < tokens.Length - 1 && tokens[j] != "") j += 2;
            if (j >= tokens.Length - 1) break;
            count++;
            i = j + 1;
        }
        return count;
    }
}
