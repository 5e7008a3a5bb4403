using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Transport;

namespace OcppLab.ChargePoint.Security;

/// <summary>
/// The <see cref="WebSocketFactory"/> seam with the security profiles (Security Whitepaper §2): the
/// <see cref="TransportSecurity"/> is read at every connection attempt, so a new AuthorizationKey, a higher
/// SecurityProfile or a renewed charge point certificate applies from the next connection on.
/// </summary>
public static class SecureWebSocketFactory
{
    /// <summary>TLS 1.2 or later (§2.4: "TLS v1.2 or above").</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// A factory that opens a WebSocket (<see cref="WebSocketUpgrade"/>) with the <c>ocpp1.6</c> subprotocol, Basic
    /// credentials on profiles 1 and 2, TLS on profiles 2 and 3 with the server certificate checked against
    /// the Central System roots, and the client certificate on profile 3. A refused server certificate is
    /// reported through <see cref="TransportSecurity.ServerCertificateRejected"/> and fails the attempt.
    /// </summary>
    public static Func<Uri, CancellationToken, Task<WebSocket>> Client(Func<TransportSecurity> security, Func<TimeSpan> pingInterval)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(pingInterval);
        return (uri, cancellationToken) =>
        {
            var settings = security();
            var endpoint = settings.Endpoint(uri);

            // A wss:// URL on profile 0 or 1 still gets TLS, checked against the system trust store (no roots to pin).
            var tls = settings.UsesTls ? TlsOptions(settings) : null;
            return WebSocketUpgrade.ConnectAsync(endpoint, WebSocketFactory.SubProtocol, settings.AuthorizationHeader, pingInterval(), tls, cancellationToken);
        };
    }

    /// <summary>
    /// TLS 1.2 or later with the server check and, on profile 3, the client certificate. Where the platform lets
    /// the client choose (Linux), the offer is pinned to the TLS 1.3 suites and the AES-GCM pairs OCTT looks for
    /// in TC_086/TC_087 (§2.4: TLS_ECDHE_ECDSA_WITH_AES_128/256_GCM_SHA256/384, TLS_RSA_WITH_AES_128/256_GCM_SHA256/384).
    /// </summary>
    public static SslClientAuthenticationOptions TlsOptions(TransportSecurity settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) => ValidateServer(settings, certificate, chain, errors),
        };
        if (settings.PresentedClientCertificate is { } client && settings.ClientCertificateIntermediates.Count > 0)
        {
            // A context is the one way to hand SslStream the intermediates to send; offline: no fetching of missing ones.
            options.ClientCertificateContext = SslStreamCertificateContext.Create(client, [.. settings.ClientCertificateIntermediates], offline: true);
        }
        else if (settings.PresentedClientCertificate is { } leaf)
        {
            options.ClientCertificates = [leaf];
            options.LocalCertificateSelectionCallback = (_, _, _, _, _) => leaf;
        }

        if (OperatingSystem.IsLinux())
        {
            options.CipherSuitesPolicy = new CipherSuitesPolicy(
            [
                TlsCipherSuite.TLS_AES_128_GCM_SHA256,
                TlsCipherSuite.TLS_AES_256_GCM_SHA384,
                TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
            ]);
        }

        return options;
    }

    /// <summary>
    /// The Central System's certificate must chain to an installed CentralSystemRootCertificate and name
    /// the host (§2.4); otherwise the connection is refused and InvalidCentralSystemCertificate raised.
    /// </summary>
    public static bool ValidateServer(TransportSecurity settings, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (ServerCertificateProblem(settings, certificate, chain, errors) is { } problem)
        {
            settings.ServerCertificateRejected?.Invoke(problem);
            return false;
        }

        return true;
    }

    /// <summary>Why the Central System's certificate is refused (§2.4), or null when it is accepted.</summary>
    public static string? ServerCertificateProblem(TransportSecurity settings, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ = chain;
        if (certificate is null)
        {
            return "no server certificate";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return "the server certificate does not name the host";
        }

        if (settings.CentralSystemRoots.Count == 0 && settings.UseSystemTrustWithoutRoots)
        {
            // The platform has already built the chain against the system trust store: its verdict is the check.
            return errors == SslPolicyErrors.None ? null : $"the server certificate is not trusted by the system trust store ({errors})";
        }

        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return CertificateChecks.ChainsTo(server, [], settings.CentralSystemRoots, DateTimeOffset.UtcNow)
            ? null
            : "the server certificate does not chain to an installed CentralSystemRootCertificate";
    }
}
