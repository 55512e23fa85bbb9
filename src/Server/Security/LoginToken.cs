using System.Security.Cryptography;
using System.Text;

namespace QubesPoolConsole.Server.Security;

/// <summary>The secret of this start: 256 random bits, shown once in the login URL and kept in a 0600 file.</summary>
public sealed class LoginToken
{
    private readonly byte[] _hash;

    /// <summary>Makes a fresh random token.</summary>
    public LoginToken() : this(Base64Url(RandomNumberGenerator.GetBytes(32)))
    {
    }

    private LoginToken(string value)
    {
        Value = value;
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The token text (URL-safe).</summary>
    public string Value { get; }

    /// <summary>The login URL, known once the server listens (see <see cref="LoginUrlPublisher"/>).</summary>
    public string? LoginUrl { get; internal set; }

    /// <summary>Constant-time comparison (both sides hashed first so lengths do not leak either).</summary>
    public bool Matches(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate)) return false;
        var other = SHA256.HashData(Encoding.UTF8.GetBytes(candidate));
        return CryptographicOperations.FixedTimeEquals(_hash, other);
    }

    private static string Base64Url(byte[] bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
