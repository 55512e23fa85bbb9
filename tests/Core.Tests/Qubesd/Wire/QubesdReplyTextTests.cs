namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

/// <summary>The text formats of successful replies, including the edges real qubesd produces.</summary>
public class QubesdReplyTextTests
{
    private static QubesdReply Ok(string text) => QubesdReply.Parse(Bytes.Of("0\0" + text));

    [Fact]
    public void Lines_EmptyContentIsNoItems_LastLineWithoutNewlineIsKept()
    {
        Assert.Empty(QubesdReplyText.Lines(Ok("")).Value!);
        Assert.Equal(["a", "b"], QubesdReplyText.Lines(Ok("a\nb")).Value);
    }

    [Fact]
    public void KeyValueLines_ValueMayHoldEquals_LineWithoutEqualsIsMalformed()
    {
        Assert.Equal("a=b", QubesdReplyText.KeyValueLines(Ok("k=a=b\n")).Value!["k"]);
        var bad = QubesdReplyText.KeyValueLines(Ok("driver=file\noops\n"));
        Assert.Equal(QubesdReplyKind.Malformed, bad.Reply.Kind);
        Assert.Equal("qubesd sent a reply that is not key=value lines: the line \"oops\" is not key=value.", bad.Message);
    }

    [Fact]
    public void Property_EmptyValueAndValueWithSpaces()
    {
        // _serialize_property: "default=True type=str " when the property has no value.
        Assert.Equal(new QubesdProperty(true, "str", ""), QubesdReplyText.Property(Ok("default=True type=str ")).Value);
        Assert.Equal(new QubesdProperty(false, "str", "a b"), QubesdReplyText.Property(Ok("default=False type=str a b")).Value);
        Assert.Equal(new QubesdProperty(false, "vm", "sys-net"), QubesdReplyText.Property(Ok("default=False type=vm sys-net")).Value);
        Assert.Equal(QubesdReplyKind.Malformed, QubesdReplyText.Property(Ok("varlibqubes")).Reply.Kind);
        Assert.Equal(QubesdReplyKind.Malformed, QubesdReplyText.Property(Ok("default=Maybe type=str x")).Reply.Kind);
    }

    [Fact]
    public void VmList_R43HasUuid_R42DoesNot()
    {
        var r43 = QubesdReplyText.VmList(Ok("dom0 class=AdminVM state=Running uuid=00000000-0000-0000-0000-000000000000\nwork class=AppVM state=Halted uuid=c316c955-5a0d-4629-be77-1be0f4d2e204\n")).Value!;
        Assert.Equal(["dom0", "work"], r43.Select(v => v.Name));
        Assert.Equal("c316c955-5a0d-4629-be77-1be0f4d2e204", r43[1].Uuid);
        var r42 = QubesdReplyText.VmList(Ok("work class=AppVM state=Halted\n")).Value!;
        Assert.Null(Assert.Single(r42).Uuid);
        Assert.Equal(QubesdReplyKind.Malformed, QubesdReplyText.VmList(Ok("work AppVM\n")).Reply.Kind);
    }

    [Fact]
    public void FailedReply_PassesThrough_NotUtf8IsMalformed()
    {
        var refused = QubesdReplyText.Lines(QubesdReply.Empty("/s"));
        Assert.Equal(QubesdReplyKind.Empty, refused.Reply.Kind);
        Assert.Null(refused.Value);
        var notText = QubesdReplyText.Lines(QubesdReply.Parse([(byte)'0', 0, 0xff]));
        Assert.Equal(QubesdReplyKind.Malformed, notText.Reply.Kind);
    }
}
