using OcppLab.Csms.Handlers.Core;
using OcppLab.Csms.Handlers.FirmwareManagement;
using OcppLab.Csms.Security;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms;

/// <summary>The route table: which handler answers each action a charge point sends.</summary>
public static class CsmsRoutes
{
    /// <summary>
    /// Builds the router from the handlers registered in <paramref name="services"/>. <paramref name="handlerFailed"/>
    /// hears of every handler that threw and every answer refused for breaking its schema (the endpoint checks what
    /// it sends, <c>Csms:ValidateOutgoing</c>).
    /// </summary>
    public static OcppRouter<ChargePointSession> Build(IServiceProvider services, Action<ChargePointSession, string, Exception>? handlerFailed) =>
        new OcppRouter<ChargePointSession> { HandlerFailed = handlerFailed }
            // Core (OCPP 1.6 §4)
            .Map(services.GetRequiredService<AuthorizeHandler>())
            .Map(services.GetRequiredService<BootNotificationHandler>())
            .Map(services.GetRequiredService<DataTransferHandler>())
            .Map(services.GetRequiredService<HeartbeatHandler>())
            .Map(services.GetRequiredService<MeterValuesHandler>())
            .Map(services.GetRequiredService<StartTransactionHandler>())
            .Map(services.GetRequiredService<StatusNotificationHandler>())
            .Map(services.GetRequiredService<StopTransactionHandler>())
            // Firmware Management (OCPP 1.6 §4.4, §4.5)
            .Map(services.GetRequiredService<DiagnosticsStatusNotificationHandler>())
            .Map(services.GetRequiredService<FirmwareStatusNotificationHandler>())
            // Security Whitepaper ed. 3 §6.3
            .MapSecurity(services)
            // Answers to our own CALLs that change what the Central System holds (Smart Charging, OCPP 1.6 §5.5, §5.16)
            .MapAnswer<SetChargingProfileRequest, SetChargingProfileResponse>(services.GetRequiredService<ChargingProfileAnswers>())
            .MapAnswer<ClearChargingProfileRequest, ClearChargingProfileResponse>(services.GetRequiredService<ChargingProfileAnswers>());
}
