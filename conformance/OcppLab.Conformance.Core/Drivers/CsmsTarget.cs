using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// The Central System under test, as the lab sees it: somewhere to open charge point WebSockets, an
/// optional operator contract to trigger the CSMS-initiated operations (OCTT's manual actions, §2.1 of
/// octt16-csms.md), and a clock.
/// </summary>
public abstract class CsmsTarget : IAsyncDisposable
{
    /// <summary>How the report names the target.</summary>
    public abstract string Description { get; }

    /// <summary>The target's clock: the embedded CSMS runs on virtual time, any other on the system clock.</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>
    /// The HTTP client for the operator contract (<c>POST /api/charge-points/{id}/manual/{action}</c>, with the raw
    /// relay <c>calls/{action}</c> as fallback), or null when the target offers none.
    /// </summary>
    public abstract HttpClient? Operator { get; }

    /// <summary>Whether a wss:// endpoint is known (Security Profiles 2 and 3).</summary>
    public abstract Uri? TlsBaseUri { get; }

    /// <summary>
    /// Opens the WebSocket of <paramref name="chargePointId"/> offering <paramref name="subprotocols"/>.
    /// A refused upgrade is an outcome, not an exception: several cases expect a refusal (TC_083, TC_085, TC_088).
    /// </summary>
    public abstract Task<ConnectionAttempt> ConnectAsync(
        string chargePointId,
        IReadOnlyList<string> subprotocols,
        AuthenticationHeaderValue? authorization,
        CancellationToken cancellationToken);

    /// <summary>
    /// How the lab checks the wss:// endpoint's server certificate; null = the system's trust store (a
    /// target whose CA the lab knows, such as the embedded one, trusts that CA instead).
    /// </summary>
    public virtual RemoteCertificateValidationCallback? ServerCertificateValidation => null;

    /// <summary>Starts the target's wss:// endpoint where the lab hosts it; afterwards <see cref="TlsBaseUri"/> is set when there is one.</summary>
    public virtual Task PrepareTlsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Gives the station the security profile and Basic password the case runs with (OCTT's tester configures
    /// this in the CSMS beforehand, octt16-csms.md §2.1); nothing for a target configured by hand.
    /// </summary>
    public virtual Task ProvisionSecurityAsync(string chargePointId, int securityProfile, string password, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A client certificate from the target's CA for <paramref name="key"/> (Security Profile 3), or null when the lab cannot get one.</summary>
    public virtual X509Certificate2? IssueClientCertificate(string chargePointId, ECDsa key) => null;

    /// <summary>Lets the target's time pass, where the target runs on virtual time (a reservation expiring, TC_047).</summary>
    public virtual void AdvanceTime(TimeSpan by)
    {
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The outcome of an upgrade request: an open socket, or the refusal (HTTP status when known).</summary>
public sealed record ConnectionAttempt(WebSocket? Socket, int? RefusedWithStatus, string? Error)
{
    public bool Accepted => Socket is not null;

    public static ConnectionAttempt Open(WebSocket socket) => new(socket, null, null);

    public static ConnectionAttempt Refused(int? status, string error) => new(null, status, error);
}
