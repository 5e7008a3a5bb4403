using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// The TLS checks OCTT makes during the handshake in TC_086/TC_087 (octt16-csms.md §3): TLS 1.2 or newer,
/// one of the four cipher suites, a server key of at least 2048 bits RSA or 224 bits EC, and an X.509
/// certificate with a serial number whose subject CN is the server's host name.
/// </summary>
public static class TlsProbe
{
    private static readonly TlsCipherSuite[] OcttSuites =
    [
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
    ];

    /// <returns>Every problem found; empty when the endpoint meets the requirements.</returns>
    public static async Task<IReadOnlyList<string>> CheckAsync(Uri endpoint, X509Certificate2? clientCertificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var problems = new List<string>();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
        X509Certificate2? server = null;
#pragma warning disable CA5359 // The probe inspects the certificate itself and reports what OCTT would reject; it sends nothing over this stream.
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            server = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });
#pragma warning restore CA5359
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = endpoint.Host,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken);
        }
        catch (AuthenticationException e)
        {
            return [$"The TLS handshake with TLS 1.2 or newer failed: {e.Message}"];
        }

        if (tls.SslProtocol is not (SslProtocols.Tls12 or SslProtocols.Tls13))
        {
            problems.Add($"negotiated {tls.SslProtocol}; TLS 1.2 or newer is required");
        }

        if (tls.SslProtocol == SslProtocols.Tls12 && !OcttSuites.Contains(tls.NegotiatedCipherSuite))
        {
            problems.Add($"negotiated cipher suite {tls.NegotiatedCipherSuite} is none of the four OCTT requires");
        }

        if (server is null)
        {
            problems.Add("the server presented no certificate");
            return problems;
        }

        using (server)
        {
            if (string.IsNullOrEmpty(server.SerialNumber))
            {
                problems.Add("the server certificate has no serial number");
            }

            var cn = server.GetNameInfo(X509NameType.SimpleName, false);
            if (!string.Equals(cn, endpoint.Host, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"the server certificate's CN is '{cn}', not the host name '{endpoint.Host}'");
            }

            using var rsa = server.GetRSAPublicKey();
            using var ec = server.GetECDsaPublicKey();
            if (rsa is { KeySize: < 2048 } || ec is { KeySize: < 224 })
            {
                problems.Add($"the server key is too short ({rsa?.KeySize ?? ec?.KeySize} bits)");
            }
        }

        return problems;
    }
}
