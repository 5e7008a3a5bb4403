using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Opens the client WebSockets of the whole fleet. Plain ws:// connections are upgraded by
/// <see cref="WebSocketUpgrade"/>, which keeps no HTTP connection and its buffers behind each socket. wss://
/// ones go through one <see cref="SocketsHttpHandler"/>: without it each <see cref="ClientWebSocket"/> builds a
/// handler of its own, which is memory per charge point for nothing. When the fleet uses TLS (security profiles
/// 2 and 3), the handler's <see cref="SocketsHttpHandler.SslOptions"/> carry what every charge point checks alike
/// (Security Whitepaper §2.4): TLS 1.2 or later with the §2.4 suites, and the server certificate checked against
/// the fleet's CentralSystemRootCertificates, or the system trust store without any.
/// </summary>
public sealed class SharedSocketFactory : IDisposable
{
    private readonly HttpMessageInvoker invoker;
    private readonly TransportSecurity? sharedTls;

    /// <summary>A factory for a fleet without TLS of its own (a wss:// URL is checked against the system trust store).</summary>
    public SharedSocketFactory()
        : this(null)
    {
    }

    /// <summary>A factory for <paramref name="plan"/>'s security profile and Central System roots.</summary>
    public SharedSocketFactory(FleetPlan? plan)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        if (plan is { SecurityProfile: >= 2 })
        {
            var roots = plan.Security.CentralSystemRoots;
            sharedTls = new TransportSecurity(plan.SecurityProfile, string.Empty, null, roots, null) { UseSystemTrustWithoutRoots = roots.Count == 0 };
            var options = SecureWebSocketFactory.TlsOptions(sharedTls);
            options.RemoteCertificateValidationCallback = ValidateServer;
            handler.SslOptions = options;
        }

        invoker = new HttpMessageInvoker(handler);
    }

    /// <summary>
    /// The socket factory of one charge point: <paramref name="security"/> (its profile, password, roots and
    /// certificate) is read at every attempt, as <see cref="SecureWebSocketFactory.Client"/> does.
    /// </summary>
    public Func<Uri, CancellationToken, Task<WebSocket>> For(Func<TransportSecurity> security, Func<TimeSpan> pingInterval)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(pingInterval);
        return async (uri, cancellationToken) =>
        {
            var settings = security();
            var endpoint = settings.Endpoint(uri);
            if (endpoint.Scheme == "ws")
            {
                return await WebSocketUpgrade.ConnectAsync(endpoint, WebSocketFactory.SubProtocol, settings.AuthorizationHeader, pingInterval(), cancellationToken);
            }

            if (!CanShare(settings))
            {
                // Security Whitepaper §2.5: on profile 3 the charge point authenticates with its own certificate in
                // the TLS handshake, so a TLS connection belongs to one charge point. The shared handler cannot keep
                // it so: its SslOptions, certificate selection callback included, are one for every connection and
                // never see the request, and its pool gives a new connection to whichever request waits first, which
                // may be another charge point's upgrade. Such a charge point (and one whose roots the Central System
                // changed) connects through a handler made for the attempt, dropped once the socket is upgraded.
                return await SecureWebSocketFactory.Client(() => settings, pingInterval)(uri, cancellationToken);
            }

            var socket = new ClientWebSocket();
            try
            {
                socket.Options.AddSubProtocol(WebSocketFactory.SubProtocol);
                socket.Options.KeepAliveInterval = pingInterval();
                if (settings.AuthorizationHeader is { } authorization)
                {
                    socket.Options.SetRequestHeader("Authorization", authorization);
                }

                await socket.ConnectAsync(endpoint, invoker, cancellationToken);
                return socket;
            }
            catch (Exception e)
            {
                socket.Dispose();
                if (CentralSystemCertificateRejectedException.In(e) is { } rejected)
                {
                    settings.ServerCertificateRejected?.Invoke(rejected.Message);
                }

                throw;
            }
        };
    }

    /// <inheritdoc/>
    public void Dispose() => invoker.Dispose();

    private static bool SameCertificates(IReadOnlyList<X509Certificate2> one, IReadOnlyList<X509Certificate2> other) =>
        one.Count == other.Count && one.Zip(other).All(pair => pair.First.RawDataMemory.Span.SequenceEqual(pair.Second.RawDataMemory.Span));

    /// <summary>Whether the shared handler's TLS is the one <paramref name="settings"/> asks for: no client certificate, the same roots.</summary>
    private bool CanShare(TransportSecurity settings) =>
        settings.PresentedClientCertificate is null
        && (sharedTls is null
            ? !settings.UsesTls
            : settings.UsesTls && settings.UseSystemTrustWithoutRoots == sharedTls.UseSystemTrustWithoutRoots && SameCertificates(settings.CentralSystemRoots, sharedTls.CentralSystemRoots));

    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        SecureWebSocketFactory.ServerCertificateProblem(sharedTls!, certificate, chain, errors) is not { } problem || Reject(problem);

    /// <summary>
    /// Shared by every charge point, the validation callback cannot tell whose handshake it checks. The handler fails
    /// the connection attempt that asked for the handshake with this exception inside, so the reason reaches that
    /// charge point, which raises InvalidCentralSystemCertificate (§2.4) itself.
    /// </summary>
    private static bool Reject(string problem) => throw new CentralSystemCertificateRejectedException(problem);
}
