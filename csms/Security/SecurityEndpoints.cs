using System.Text;
using OcppLab.Csms.OperatorApi;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Security;

/// <summary>
/// The operator's view of security: a station's profile, key, security events, log uploads and signed
/// firmware states; the CA certificate to install on stations; and GetLog with the Central System's own
/// upload location. Every other security CALL goes through the generic <c>/calls/{action}</c> endpoint.
/// </summary>
public static class SecurityEndpoints
{
    /// <summary>Maps the security endpoints under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapCsmsSecurity(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Security");
        api.MapGet("/charge-points/{id}/security", Show).WithSummary("The station's security profile, whether it has a key, its security events, log uploads and signed firmware states.");
        api.MapPut("/charge-points/{id}/security", Configure).WithSummary("Sets the station's security profile (0–3) and AuthorizationKey (16–20 bytes, plain or hex).");
        api.MapPost("/charge-points/{id}/security/get-log", GetLogAsync).WithSummary("GetLog (Security Whitepaper ed. 3 §4.2); the upload goes to this Central System unless remoteLocation is given.").CallsStation();
        api.MapGet("/security/ca", (CertificateAuthority authority) => Results.Text(authority.CertificatePem, "application/x-pem-file"))
            .WithSummary("The Central System's CA certificate (PEM), for InstallCertificate(CentralSystemRootCertificate).");
        return app;
    }

    private static IResult Show(string id, IStationSecurityStore store, SecurityRecordStore records)
    {
        var security = store.Find(id);
        var reported = records.Find(id);
        return Results.Ok(new StationSecurityView(
            id,
            security?.Profile ?? 0,
            security?.PendingProfile,
            security?.Key is not null,
            reported?.Events ?? [],
            reported?.LogStatuses ?? [],
            reported?.SignedFirmwareStatuses ?? [],
            reported?.Certificates ?? []));
    }

    private static IResult Configure(string id, SecurityUpdate body, IStationSecurityStore store)
    {
        if (body.SecurityProfile is < 0 or > 3)
        {
            return Problems.BadValue("securityProfile", body.SecurityProfile, "A security profile is 0 (none), 1, 2 or 3.");
        }

        AuthorizationKey? key = null;
        if (body.AuthorizationKey is { } text && !AuthorizationKey.TryParse(text, out key, out var problem))
        {
            return Problems.BadValue("authorizationKey", "(hidden)", problem!);
        }

        if (body.SecurityProfile is 1 or 2 && key is null && store.Find(id)?.Key is null)
        {
            return Problems.BadValue("authorizationKey", null, "Security profiles 1 and 2 need an AuthorizationKey.");
        }

        var updated = store.Update(id, s => new StationSecurity(body.SecurityProfile, key ?? s.Key));
        return Results.Ok(new { id, securityProfile = updated.Profile, hasAuthorizationKey = updated.Key is not null });
    }

    internal static async Task<IResult> GetLogAsync(string id, GetLogOrder body, StationCaller caller, HttpContext http, CancellationToken cancellationToken)
    {
        var location = body.RemoteLocation ?? new StringBuilder()
            .Append(http.Request.Scheme).Append("://").Append(http.Request.Host.Value)
            .Append("/files/diagnostics/").Append(Uri.EscapeDataString(id)).Append('/').ToString();
        var request = new GetLogRequest
        {
            LogType = body.LogType ?? LogType.SecurityLog,
            RequestId = body.RequestId ?? Random.Shared.Next(1, int.MaxValue),
            Log = new LogParameters { RemoteLocation = location, OldestTimestamp = body.OldestTimestamp, LatestTimestamp = body.LatestTimestamp },
            Retries = body.Retries,
            RetryInterval = body.RetryInterval,
        };
        var answer = await caller.SendAsync(id, request, http, cancellationToken);
        return answer.Problem ?? Results.Ok(new { request.RequestId, remoteLocation = location, answer.Response!.Status, answer.Response.Filename });
    }
}

/// <summary>A station's security as the operator sees it.</summary>
public sealed record StationSecurityView(
    string Id,
    int SecurityProfile,
    int? PendingSecurityProfile,
    bool HasAuthorizationKey,
    IReadOnlyList<SecurityEventRecord> SecurityEvents,
    IReadOnlyList<LogStatusRecord> LogStatuses,
    IReadOnlyList<SignedFirmwareStatusRecord> SignedFirmwareStatuses,
    IReadOnlyList<CertificateSignedRecord> SignedCertificates);

/// <summary>The body of <c>PUT /api/charge-points/{id}/security</c>.</summary>
public sealed record SecurityUpdate(int SecurityProfile, string? AuthorizationKey);

/// <summary>The body of <c>POST /api/charge-points/{id}/security/get-log</c>; everything optional.</summary>
public sealed record GetLogOrder(LogType? LogType, int? RequestId, string? RemoteLocation, DateTimeOffset? OldestTimestamp, DateTimeOffset? LatestTimestamp, int? Retries, int? RetryInterval);
