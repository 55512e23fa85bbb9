using System.Diagnostics.CodeAnalysis;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>A qubesd reply read as a <typeparamref name="T"/>: the value on success, otherwise the reply that says why not.</summary>
/// <typeparam name="T">What the reply's text was parsed into.</typeparam>
public sealed class QubesdResult<T>
{
    private QubesdResult(T? value, QubesdReply reply)
    {
        Value = value;
        Reply = reply;
    }

    /// <summary>The parsed value when <see cref="IsOk"/>.</summary>
    public T? Value { get; }

    /// <summary>The reply: the success it was parsed from, or the failure (a Malformed one when the text did not parse).</summary>
    public QubesdReply Reply { get; }

    /// <summary>True when the call succeeded and its text parsed.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Reply.IsOk;

    /// <summary>The failure's sentence (or Qubes exception message); empty on success.</summary>
    public string Message => Reply.Message;

    /// <summary>A parsed success.</summary>
    public static QubesdResult<T> Ok(T value, QubesdReply reply) => new(value, reply);

    /// <summary>A failure; <paramref name="reply"/> must not be a success.</summary>
    public static QubesdResult<T> Failed(QubesdReply reply)
    {
        if (reply.IsOk) throw new ArgumentException("A successful reply is not a failure.", nameof(reply));
        return new(default, reply);
    }

    /// <inheritdoc/>
    public override string ToString() => IsOk ? $"Ok: {Value}" : Reply.ToString();
}
