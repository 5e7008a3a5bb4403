using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Core;

namespace OcppLab.Csms.Security;

/// <summary>
/// Decides, before the WebSocket upgrade, whether a station may connect (Security Whitepaper ed. 3 §2):
/// which profile the connection reaches — 1 with valid Basic credentials over ws, 2 with them over TLS,
/// 3 with a client certificate from our CA whose CN names the station — and whether that is at least
/// the station's own profile. A refused upgrade gets 401 (credentials missing or wrong, with a Basic
/// challenge) or 403 (below the station's profile, or an unknown station when registration is required).
/// </summary>
public sealed class StationAdmission(
    IStationSecurityStore store,
    CertificateAuthority authority,
    ChargePointRegistry registry,
    IOptionsMonitor<CsmsSecurityOptions> securityOptions,
    IOptionsMonitor<CsmsOptions> csmsOptions,
    ILogger<StationAdmission> logger)
{
    /// <summary>Admits the upgrade of <paramref name="chargePointId"/>, or answers the refusal and returns false.</summary>
    public async Task<bool> AdmitAsync(HttpContext http, string chargePointId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = securityOptions.CurrentValue.Security;
        var security = store.Find(chargePointId);
        if (security is null && settings.RefuseUnknownChargePoints
            && !csmsOptions.CurrentValue.ChargePoints.Any(c => string.Equals(c.Id, chargePointId, StringComparison.Ordinal)))
        {
            await RefuseAsync(http, chargePointId, StatusCodes.Status403Forbidden, $"'{chargePointId}' is not a charge point of this Central System.");
            return false;
        }

        if (registry.Find(chargePointId)?.Connection is { } previous && previous.OutstandingAction == ChangeConfigurationRequest.Action)
        {
            // A station may answer a new AuthorizationKey or SecurityProfile Accepted and reconnect at once with it
            // (TC_073 step 2): its old connection's answer is acted on (the answer route) before this upgrade is judged.
            // The call settles by its answer, its timeout, or the close of the old connection, whichever comes first.
            await previous.WhenOutstandingCallSettledAsync(http.RequestAborted);
            security = store.Find(chargePointId);
        }

        var required = security?.Profile ?? settings.DefaultSecurityProfile;
        var reached = Reached(http, chargePointId, security);
        if (reached.Profile < required)
        {
            var (status, reason) = (required, reached) switch
            {
                (3, { CertificateProblem: { } problem }) => (StatusCodes.Status403Forbidden, problem),
                (3, _) => (StatusCodes.Status403Forbidden, "Security profile 3: connect over TLS presenting the client certificate our CA issued for this charge point."),
                (_, { BasicValid: false }) => (StatusCodes.Status401Unauthorized, reached.BasicProblem ?? "Basic credentials are required."),
                _ => (StatusCodes.Status403Forbidden, $"The connection reaches security profile {reached.Profile}; this charge point needs {required} (a downgrade is never accepted)."),
            };
            if (status == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\", charset=\"UTF-8\"";
            }

            await RefuseAsync(http, chargePointId, status, reason);
            return false;
        }

        if (security?.PendingProfile is { } pending && reached.Profile >= pending)
        {
            // Security Whitepaper ed. 3 §2.2: once the station connects at the higher profile, the lower one is closed to it.
            store.Update(chargePointId, s => s with { Profile = Math.Max(s.Profile, pending), PendingProfile = null });
            SecurityLog.ProfileRaised(logger, chargePointId, pending);
        }

        SecurityLog.Admitted(logger, chargePointId, reached.Profile, required);
        return true;
    }

    private Reach Reached(HttpContext http, string chargePointId, StationSecurity? security)
    {
        var tls = http.Request.IsHttps;
        string? certificateProblem = null;
        if (tls && http.Connection.ClientCertificate is { } certificate)
        {
            certificateProblem = CertificateProblem(certificate, chargePointId);
            if (certificateProblem is null)
            {
                return new Reach(3, true, null, null);
            }
        }

        var basicProblem = BasicProblem(http.Request.Headers.Authorization.ToString(), chargePointId, security?.Key);
        var valid = basicProblem is null;
        return new Reach(valid ? (tls ? 2 : 1) : 0, valid, basicProblem, certificateProblem);
    }

    private string? CertificateProblem(X509Certificate2 certificate, string chargePointId)
    {
        if (!authority.Issued(certificate))
        {
            return "The client certificate was not issued by this Central System's CA.";
        }

        // Security Whitepaper ed. 3 §2.5: the certificate names the charge point — by its identity, or by
        // the serial number it reports (the CN a CSR carries in OCTT 2025-11 TC_074).
        var cn = CertificateAuthority.CommonName(certificate.SubjectName);
        var serial = registry.Find(chargePointId)?.LastBoot?.Request.ChargePointSerialNumber;
        return cn is not null && (cn == chargePointId || cn == serial)
            ? null
            : $"The client certificate's CN is '{cn}', not this charge point's identity or serial number.";
    }

    private static string? BasicProblem(string header, string chargePointId, AuthorizationKey? key)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return "Basic credentials are required (user name = the charge point identity, password = its AuthorizationKey).";
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return "The Basic credentials are not base64.";
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || decoded[..colon] != chargePointId)
        {
            return "The Basic user name must be the charge point identity (Security Whitepaper ed. 3 §2.3).";
        }

        return key is not null && key.Matches(decoded[(colon + 1)..]) ? null : "Wrong Basic password.";
    }

    private async Task RefuseAsync(HttpContext http, string chargePointId, int status, string reason)
    {
        SecurityLog.Refused(logger, chargePointId, status, reason);
        http.Response.StatusCode = status;
        await http.Response.WriteAsync(reason, http.RequestAborted);
    }

    private sealed record Reach(int Profile, bool BasicValid, string? BasicProblem, string? CertificateProblem);
}
