using System.Security.Cryptography.X509Certificates;

namespace OcppLab.ChargePoint.Security;

/// <summary>
/// What the charge point presents when it opens a connection, read at every attempt (Security Whitepaper
/// §2): profile 0 plain ws; 1 HTTP Basic over ws; 2 TLS (the server certificate checked against the
/// installed CentralSystemRootCertificates) with Basic; 3 TLS with the charge point certificate as client
/// certificate and no Basic.
/// </summary>
/// <param name="Profile">The SecurityProfile, 0 to 3.</param>
/// <param name="ChargePointId">The Basic-auth user name.</param>
/// <param name="BasicAuthPassword">The AuthorizationKey, or null.</param>
/// <param name="CentralSystemRoots">The roots the Central System's certificate must chain to.</param>
/// <param name="ClientCertificate">The charge point certificate with its private key, or null.</param>
/// <param name="ServerCertificateRejected">Told why a server certificate was refused (the InvalidCentralSystemCertificate event).</param>
public sealed record TransportSecurity(
    int Profile,
    string ChargePointId,
    string? BasicAuthPassword,
    IReadOnlyList<X509Certificate2> CentralSystemRoots,
    X509Certificate2? ClientCertificate,
    Action<string>? ServerCertificateRejected = null)
{
    /// <summary>Profile 0: no security.</summary>
    public static TransportSecurity None(string chargePointId) => new(0, chargePointId, null, [], null);

    /// <summary>
    /// With no CentralSystemRootCertificate installed, accept a server certificate the operating system's trust
    /// store accepts, as a charge point relies on the roots it left the factory with. Off by default: the
    /// Whitepaper's charge point trusts only its installed roots (§2.4), and without any it refuses TLS.
    /// </summary>
    public bool UseSystemTrustWithoutRoots { get; init; }

    /// <summary>Whether the connection uses TLS (profiles 2 and 3).</summary>
    public bool UsesTls => Profile >= 2;

    /// <summary>The Authorization header sent with the upgrade request: profiles 1 and 2 with a password.</summary>
    public string? AuthorizationHeader =>
        Profile is 1 or 2 && BasicAuthPassword is { Length: > 0 } password
            ? Transport.WebSocketFactory.BasicAuthorization(ChargePointId, password)
            : null;

    /// <summary>The client certificate sent in the TLS handshake: profile 3 only.</summary>
    public X509Certificate2? PresentedClientCertificate => Profile == 3 ? ClientCertificate : null;

    /// <summary>
    /// The intermediate CA certificates sent after the client certificate, so that a Central System that trusts
    /// only the root can build the chain (RFC 8446 §4.4.2: the sender supplies the chain up to, not including,
    /// the root). Empty when the charge point certificate is signed by the root itself.
    /// </summary>
    public IReadOnlyList<X509Certificate2> ClientCertificateIntermediates { get; init; } = [];

    /// <summary>The URL for this profile: ws becomes wss on profiles 2 and 3 (the port is kept).</summary>
    public Uri Endpoint(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (UsesTls && url.Scheme == "ws")
        {
            return new UriBuilder(url) { Scheme = "wss", Port = url.IsDefaultPort ? -1 : url.Port }.Uri;
        }

        return url;
    }
}
