using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// The TLS checks OCTT makes during the handshake in TC_086/TC_087 (octt16-csms.md §3): TLS 1.2 with
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

    /// <summary>
    /// Handshakes as OCTT does: TLS 1.2 offering exactly OCTT's four suites, so a server that would pick TLS 1.3
    /// (or another suite) cannot hide a TLS 1.2 set-up OCTT fails; the certificate is checked on that handshake.
    /// TLS 1.3 is tried apart: OCTT does not require it, so its outcome is a note, never a problem.
    /// </summary>
    public static async Task<TlsProbeResult> CheckAsync(Uri endpoint, X509Certificate2? clientCertificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var problems = new List<string>();
        var notes = new List<string>();
        // Windows's TLS stack takes no suite list from the caller; there the negotiated suite is checked after the handshake.
        var octtOnly = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(OcttSuites);
        var (tls12, server, error) = await HandshakeAsync(endpoint, clientCertificate, SslProtocols.Tls12, octtOnly, cancellationToken);
        using (server)
        {
            if (tls12 is null)
            {
                problems.Add($"the TLS 1.2 handshake offering only OCTT's cipher suites ({string.Join(", ", OcttSuites)}) failed: {error}");
            }
            else
            {
                if (tls12.Value.Protocol != SslProtocols.Tls12 || !OcttSuites.Contains(tls12.Value.Suite))
                {
                    problems.Add($"negotiated {tls12.Value.Protocol} with {tls12.Value.Suite}; OCTT needs TLS 1.2 with one of its four cipher suites");
                }

                notes.Add($"TLS 1.2: {tls12.Value.Suite}");
                CheckCertificate(endpoint, server, problems);
            }
        }

        var (tls13, other, tls13Error) = await HandshakeAsync(endpoint, clientCertificate, SslProtocols.Tls13, null, cancellationToken);
        other?.Dispose();
        notes.Add(tls13 is { } t ? $"TLS 1.3: {t.Suite} (not required by OCTT)" : $"TLS 1.3: not offered ({tls13Error}; not required by OCTT)");
        return new TlsProbeResult(problems, notes);
    }

    private static async Task<((SslProtocols Protocol, TlsCipherSuite Suite)? Negotiated, X509Certificate2? Server, string? Error)> HandshakeAsync(
        Uri endpoint, X509Certificate2? clientCertificate, SslProtocols protocols, CipherSuitesPolicy? suites, CancellationToken cancellationToken)
    {
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
            EnabledSslProtocols = protocols,
            CipherSuitesPolicy = suites,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken);
            return ((tls.SslProtocol, tls.NegotiatedCipherSuite), server, null);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            server?.Dispose();
            return (null, null, e.Message);
        }
    }

    private static void CheckCertificate(Uri endpoint, X509Certificate2? server, List<string> problems)
    {
        if (server is null)
        {
            problems.Add("the server presented no certificate");
            return;
        }

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
}

/// <summary>What OCTT would reject (<paramref name="Problems"/>) and what the probe saw besides (<paramref name="Notes"/>).</summary>
public sealed record TlsProbeResult(IReadOnlyList<string> Problems, IReadOnlyList<string> Notes);
