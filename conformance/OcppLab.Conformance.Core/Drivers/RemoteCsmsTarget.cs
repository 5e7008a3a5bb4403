using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Any Central System reachable by URL (<c>OCPPLAB_CSMS_URL</c>), with its operator contract at
/// <c>OCPPLAB_OPERATOR_URL</c> when it offers one. The lab appends the charge point id to the URL, as OCTT does.
/// </summary>
public sealed class RemoteCsmsTarget : CsmsTarget
{
    private readonly Uri baseUri;
    private readonly HttpClient? operatorClient;
    private readonly X509Certificate2? trustedCa;

    public RemoteCsmsTarget(LabSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        baseUri = new Uri(WithSlash(settings.CsmsUrl));
        TlsBaseUri = settings.CsmsTlsUrl.Length > 0 ? new Uri(WithSlash(settings.CsmsTlsUrl)) : null;
        if (settings.CsmsCaCertificateFile.Length > 0)
        {
            trustedCa = X509Certificate2.CreateFromPemFile(settings.CsmsCaCertificateFile);
        }

        if (settings.OperatorUrl.Length > 0)
        {
            operatorClient = new HttpClient { BaseAddress = new Uri(WithSlash(settings.OperatorUrl)), Timeout = settings.OperatorTimeout };
        }
    }

    public override string Description => $"{baseUri} (operator: {operatorClient?.BaseAddress?.ToString() ?? "none"})";

    public override TimeProvider Clock => TimeProvider.System;

    public override HttpClient? Operator => operatorClient;

    public override Uri? TlsBaseUri { get; }

    /// <summary>With <c>OCPPLAB_CSMS_CA_CERTIFICATE_FILE</c>, the server certificate must chain to that CA (and name the host); else the system's trust store decides.</summary>
    public override RemoteCertificateValidationCallback? ServerCertificateValidation => trustedCa is null ? null : (_, certificate, _, errors) =>
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    };

    public override Task<ConnectionAttempt> ConnectAsync(string chargePointId, IReadOnlyList<string> subprotocols, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken) =>
        ConnectAsync(new Uri(baseUri, Uri.EscapeDataString(chargePointId)), subprotocols, authorization, cancellationToken);

    /// <summary>Opens a real WebSocket (also used for a target's wss:// endpoint).</summary>
    public static async Task<ConnectionAttempt> ConnectAsync(
        Uri uri,
        IReadOnlyList<string> subprotocols,
        AuthenticationHeaderValue? authorization,
        CancellationToken cancellationToken,
        X509Certificate2? clientCertificate = null,
        RemoteCertificateValidationCallback? serverCertificateValidation = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(subprotocols);
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var protocol in subprotocols)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization.ToString());
        }

        if (clientCertificate is not null)
        {
            socket.Options.ClientCertificates = [clientCertificate];
        }

        if (serverCertificateValidation is not null)
        {
            socket.Options.RemoteCertificateValidationCallback = serverCertificateValidation;
        }

        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
            return ConnectionAttempt.Open(socket);
        }
        catch (WebSocketException e)
        {
            var status = socket.HttpStatusCode == 0 ? (int?)null : (int)socket.HttpStatusCode;
            socket.Dispose();
            return ConnectionAttempt.Refused(status, e.Message);
        }
        catch (HttpRequestException e)
        {
            socket.Dispose();
            return ConnectionAttempt.Refused((int?)e.StatusCode, e.Message);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            // Refused in the TLS handshake (an untrusted client certificate, a downgrade from Security Profile 3).
            socket.Dispose();
            return ConnectionAttempt.Refused(null, e.Message);
        }
    }

    public override ValueTask DisposeAsync()
    {
        operatorClient?.Dispose();
        trustedCa?.Dispose();
        return base.DisposeAsync();
    }

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
