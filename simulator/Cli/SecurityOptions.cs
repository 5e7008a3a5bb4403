using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// The security profile a command runs its charge points on, with what that profile needs (Security Whitepaper
/// §2): the Central System roots the server certificate must chain to on 2 and 3, and on 3 the charge point
/// certificate (<c>charger</c>) or the CA that issues one per charge point (<c>fleet</c>).
/// </summary>
internal sealed record SecurityOptions
{
    /// <summary>The SecurityProfile, 0 to 3.</summary>
    public int Profile { get; init; }

    /// <summary>Installed as CentralSystemRootCertificates; empty = the system trust store on TLS.</summary>
    public IReadOnlyList<X509Certificate2> CentralSystemRoots { get; init; } = [];

    /// <summary>The file the roots came from, to say so.</summary>
    public string? CentralSystemRootsFile { get; init; }

    /// <summary>The charge point certificate with its private key (<c>charger</c>, profile 3).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>The intermediate CA certificates that came in the <c>--client-cert</c> file after the charge point certificate.</summary>
    public IReadOnlyList<X509Certificate2> ClientCertificateIntermediates { get; init; } = [];

    /// <summary>Issues each charge point its certificate (<c>fleet</c>, profile 3).</summary>
    public ChargePointCertificateIssuer? ClientCertificateAuthority { get; init; }

    /// <summary>Whether the profile uses TLS (2 and 3).</summary>
    public bool UsesTls => Profile >= 2;

    /// <summary>
    /// The Central System URL for this profile: on 2 and 3 a ws:// URL becomes wss:// on the same port, as a charge
    /// point whose SecurityProfile is raised does (<see cref="TransportSecurity.Endpoint"/>).
    /// </summary>
    public Uri Endpoint(Uri url) => new TransportSecurity(Profile, string.Empty, null, [], null).Endpoint(url);

    /// <summary>One line for the start banner.</summary>
    public string Describe()
    {
        var profile = "security profile " + Profile.ToString(CultureInfo.InvariantCulture);
        if (!UsesTls)
        {
            return profile + (Profile == 1 ? " (HTTP Basic)" : " (no authentication)");
        }

        var server = CentralSystemRoots.Count == 0
            ? "server certificate checked against the system trust store"
            : $"server certificate checked against {CentralSystemRoots.Count.ToString(CultureInfo.InvariantCulture)} CentralSystemRootCertificate(s) from {CentralSystemRootsFile}";
        var client = (ClientCertificate, ClientCertificateAuthority) switch
        {
            ({ } certificate, _) => "client certificate " + certificate.Subject,
            (_, { } authority) => "client certificates issued by " + authority.Authority.Subject,
            _ => "HTTP Basic",
        };
        return $"{profile} (TLS, {client}; {server})";
    }
}
