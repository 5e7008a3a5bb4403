using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OcppLab.Csms.Security;

/// <summary>
/// The AuthorizationKey: the Basic password of Security Profiles 1 and 2, 16 to 20 bytes (Security
/// Whitepaper ed. 3 §7.1 and the AuthorizationKey configuration key). It travels in ChangeConfiguration as
/// its hex form (at most 40 characters, OCTT 2025-11 TC_073); a configuration file may hold either form.
/// </summary>
public sealed class AuthorizationKey
{
    /// <summary>The fewest bytes of a key.</summary>
    public const int MinBytes = 16;

    /// <summary>The most bytes of a key.</summary>
    public const int MaxBytes = 20;

    private readonly byte[] bytes;

    private AuthorizationKey(byte[] bytes) => this.bytes = bytes;

    /// <summary>The key as hex, as ChangeConfiguration carries it.</summary>
    public string Hex => Convert.ToHexString(bytes);

    /// <summary>
    /// Reads <paramref name="text"/>: 32 to 40 hex digits are the hex form, anything else is the password
    /// itself as UTF-8 (OCTT reads its configured password the same way).
    /// </summary>
    public static bool TryParse(string? text, out AuthorizationKey? key, out string? problem)
    {
        key = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "The AuthorizationKey is empty.";
            return false;
        }

        byte[] raw;
        if (text.Length is >= MinBytes * 2 and <= MaxBytes * 2 && text.Length % 2 == 0 && text.All(Uri.IsHexDigit))
        {
            raw = Convert.FromHexString(text);
        }
        else
        {
            raw = Encoding.UTF8.GetBytes(text);
        }

        if (raw.Length is < MinBytes or > MaxBytes)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"The AuthorizationKey has {raw.Length} bytes; it must have {MinBytes} to {MaxBytes} (Security Whitepaper ed. 3 §7.1).");
            return false;
        }

        key = new AuthorizationKey(raw);
        return true;
    }

    /// <summary>Reads <paramref name="text"/> or throws naming the problem.</summary>
    public static AuthorizationKey Parse(string text) =>
        TryParse(text, out var key, out var problem) ? key! : throw new FormatException(problem);

    /// <summary>
    /// Whether the Basic password <paramref name="password"/> is this key: its bytes, or its hex form
    /// (stations differ in which one they send). Compared in fixed time.
    /// </summary>
    public bool Matches(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var sent = Encoding.UTF8.GetBytes(password);
        var asHex = Encoding.ASCII.GetBytes(Hex);
        var upper = Encoding.ASCII.GetBytes(password.ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(sent, bytes) | CryptographicOperations.FixedTimeEquals(upper, asHex);
    }
}
