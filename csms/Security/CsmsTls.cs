using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace OcppLab.Csms.Security;

/// <summary>
/// The wss:// endpoint's TLS (Security Whitepaper ed. 3 §2.4–§2.5; OCTT TC_086/TC_087): TLS 1.2 or newer,
/// the four cipher suites OCTT checks, the server certificate, and a client certificate that Security
/// Profile 3 stations present and that must chain to the Central System's CA.
/// </summary>
public static class CsmsTls
{
    /// <summary>The TLS 1.2 suites of Security Whitepaper ed. 3 §2.4 that OCTT checks, plus TLS 1.3's AEAD suites.</summary>
    public static readonly IReadOnlyList<TlsCipherSuite> CipherSuites =
    [
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
    ];

    /// <summary>Configures one https endpoint of Kestrel with <paramref name="material"/>.</summary>
    public static void Configure(HttpsConnectionAdapterOptions https, TlsMaterial material)
    {
        ArgumentNullException.ThrowIfNull(https);
        ArgumentNullException.ThrowIfNull(material);
        https.ServerCertificate = material.ServerCertificate;
        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        https.CheckCertificateRevocation = false;

        // Profile 2 stations present no certificate, Profile 3 stations must; which one applies is the
        // station's, checked at the upgrade. A certificate that is presented must chain to our CA.
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = (certificate, _, _) => material.Authority.Issued(certificate);
        if (!OperatingSystem.IsWindows())
        {
            // Restrict to the suites OCTT checks (Windows takes its suites from the OS policy instead).
            https.OnAuthenticate = RestrictCipherSuites();
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static Action<Microsoft.AspNetCore.Connections.ConnectionContext, SslServerAuthenticationOptions> RestrictCipherSuites()
    {
        var policy = new CipherSuitesPolicy(CipherSuites);
        return (_, options) => options.CipherSuitesPolicy = policy;
    }
}

/// <summary>The certificates of the TLS endpoint: the server's, and the CA that issued it and that trusts the stations.</summary>
/// <param name="ServerCertificate">The server certificate with its private key (CN = the host name).</param>
/// <param name="Authority">The Central System's CA.</param>
public sealed record TlsMaterial(X509Certificate2 ServerCertificate, CertificateAuthority Authority)
{
    /// <summary>The configured server certificate, or one the CA issues for <c>Csms:Security:TlsHostName</c>.</summary>
    public static TlsMaterial Create(SecuritySettings settings, CertificateAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(authority);
        var server = settings.ServerCertificatePath is { Length: > 0 } path
            ? X509Certificate2.CreateFromPemFile(path, settings.ServerKeyPath)
            : authority.IssueServerCertificate(settings.TlsHostName);
        return new TlsMaterial(server, authority);
    }
}
