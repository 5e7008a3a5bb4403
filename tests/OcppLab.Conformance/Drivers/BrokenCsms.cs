using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.Csms.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Deliberately broken Central Systems: the real one with one piece replaced, each breaking one thing an
/// OCTT case checks. They prove that the suite can fail, and fails for the right reason.
/// </summary>
public static partial class BrokenCsms
{
    /// <summary>Core: answers Authorize with Accepted for any tag, known or not (TC_023_1 must fail).</summary>
    public static EmbeddedCsmsTarget AcceptsUnknownIdTags() => new("broken CSMS: accepts unknown id tags", services =>
        ReplaceRoute(services, router => router.Map<AuthorizeRequest, AuthorizeResponse>((_, _, _) =>
            ValueTask.FromResult(new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }))));

    /// <summary>Core: answers every StopTransaction with idTagInfo ConcurrentTx (TC_012 must fail on the stop's answer).</summary>
    public static EmbeddedCsmsTarget AnswersStopsWithConcurrentTx() => new("broken CSMS: ConcurrentTx to every stop", services =>
        ReplaceRoute(services, router => router.Map<StopTransactionRequest, StopTransactionResponse>((_, _, _) =>
            ValueTask.FromResult(new StopTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.ConcurrentTx } }))));

    /// <summary>Core: hands out a heartbeat interval other than the configured 300 s (TC_001 must fail).</summary>
    public static EmbeddedCsmsTarget HandsOutAnotherHeartbeatInterval() => new(
        "broken CSMS: heartbeat interval 60 s",
        configuration: new Dictionary<string, string?> { ["Csms:HeartbeatIntervalSeconds"] = "60" });

    /// <summary>Firmware Management: refuses FirmwareStatusNotification with a CALLERROR (TC_044_2 must fail).</summary>
    public static EmbeddedCsmsTarget RefusesFirmwareStatus() => new("broken CSMS: no FirmwareStatusNotification", services =>
        ReplaceRoute(services, router => router.Map<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>((_, _, _) =>
            throw new OcppCallErrorException(OcppErrorCode.NotImplemented, "Firmware status is not handled."))));

    /// <summary>Reservation: tells the operator a reservation was made without ever sending ReserveNow (TC_046 must fail).</summary>
    public static EmbeddedCsmsTarget IgnoresReservations() => new("broken CSMS: ignores reservations", services =>
        Intercept(services, "reserve-now", async (http, _) =>
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("{\"status\":\"Accepted\"}");
            return null;
        }));

    /// <summary>Remote Trigger: asks for a Heartbeat whatever message the operator wanted (TC_055 must fail).</summary>
    public static EmbeddedCsmsTarget MishandlesTriggers() => new("broken CSMS: triggers the wrong message", services =>
        Intercept(services, "trigger-message", (_, body) =>
        {
            body["requestedMessage"] = "Heartbeat";
            body.Remove("connectorId");
            return Task.FromResult<JsonObject?>(body);
        }));

    /// <summary>Security: ignores the subprotocols offered and upgrades anyway (TC_088 must fail).</summary>
    public static EmbeddedCsmsTarget IgnoresSubprotocols() => new("broken CSMS: ignores subprotocols", services =>
        services.AddTransient<IStartupFilter>(_ => new Middleware(next => http =>
        {
            // Whatever was offered, the Central System behind sees an offer of ocpp1.6 only.
            if (http.Request.Headers.ContainsKey("Sec-WebSocket-Protocol"))
            {
                http.Request.Headers["Sec-WebSocket-Protocol"] = LabChargePoint.Ocpp16;
            }

            return next(http);
        })));

    /// <summary>Security: keeps no station's profile or password, so nobody is asked for credentials (TC_085 must fail).</summary>
    public static EmbeddedCsmsTarget HasNoBasicAuthentication() => new("broken CSMS: no Basic authentication", services =>
        services.AddSingleton<IStationSecurityStore, ForgetfulSecurityStore>());

    private static void ReplaceRoute(IServiceCollection services, Action<OcppRouter<ChargePointSession>> change) =>
        ReplaceRoute(services, (_, router) => change(router));

    /// <summary>Changes routes of the Central System's router once it is built; <paramref name="change"/> may resolve the real handlers.</summary>
    public static void ReplaceRoute(IServiceCollection services, Action<IServiceProvider, OcppRouter<ChargePointSession>> change)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(change);
        var original = services.Last(d => d.ServiceType == typeof(OcppRouter<ChargePointSession>));
        services.Remove(original);
        services.AddSingleton(sp =>
        {
            var router = original.ImplementationFactory is { } factory
                ? (OcppRouter<ChargePointSession>)factory(sp)
                : (OcppRouter<ChargePointSession>)original.ImplementationInstance!;
            change(sp, router);
            return router;
        });
    }

    /// <summary>
    /// Rewrites the operator's request to the manual action <paramref name="manualAction"/> (the last segment of
    /// its path) before the CSMS sees it; a null result means the middleware answered the operator itself and
    /// the CSMS never hears of it.
    /// </summary>
    private static void Intercept(IServiceCollection services, string manualAction, Func<HttpContext, JsonObject, Task<JsonObject?>> rewrite) =>
        services.AddTransient<IStartupFilter>(_ => new Middleware(next => async http =>
        {
            if (http.Request.Method == "POST" && http.Request.Path.Value?.EndsWith("/manual/" + manualAction, StringComparison.Ordinal) == true)
            {
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                var body = JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject ?? [];
                var changed = await rewrite(http, body);
                if (changed is null)
                {
                    return;
                }

                var bytes = Encoding.UTF8.GetBytes(changed.ToJsonString());
                http.Request.Body = new MemoryStream(bytes);
                http.Request.ContentLength = bytes.Length;
            }

            await next(http);
        }));

    private sealed class Middleware(Func<RequestDelegate, RequestDelegate> middleware) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(middleware);
            next(app);
        };
    }

    private sealed class ForgetfulSecurityStore : IStationSecurityStore
    {
        public StationSecurity? Find(string chargePointId) => null;

        public void Set(string chargePointId, StationSecurity security)
        {
        }

        public StationSecurity Update(string chargePointId, Func<StationSecurity, StationSecurity> change) =>
            new(0, null);

        public IReadOnlyDictionary<string, StationSecurity> All() => new Dictionary<string, StationSecurity>();
    }
}
