using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Connections;
using OcppLab.Csms.Firmware;
using OcppLab.Csms.Handlers.Core;
using OcppLab.Csms.Handlers.FirmwareManagement;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.Observability;
using OcppLab.Csms.Persistence;
using OcppLab.Csms.Reservations;
using OcppLab.Csms.Security;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.SmartCharging;

namespace OcppLab.Csms;

/// <summary>Registers the Central System's services.</summary>
public static class CsmsServiceCollectionExtensions
{
    /// <summary>Adds the Central System: options, stores, handlers, route table, connection handling, metrics.</summary>
    public static IServiceCollection AddCsms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CsmsOptions>().Bind(configuration.GetSection(CsmsOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        // State: in memory, one narrow store each.
        services.AddSingleton<ChargePointRegistry>();
        services.AddSingleton<IIdTagStore>(sp => new InMemoryIdTagStore(
            sp.GetRequiredService<IOptions<CsmsOptions>>().Value.IdTags.Select(t => new IdTagRecord(t.IdTag, t.Status, t.ExpiryDate, t.ParentIdTag))));
        services.AddSingleton<ITransactionStore>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<CsmsOptions>>().Value;
            return new InMemoryTransactionStore(settings.FirstTransactionId, settings.KeepStoppedTransactions);
        });
        services.AddSingleton<IdTagAuthorizer>();
        services.AddSingleton<RemoteStartWaiters>();
        services.AddSingleton<TransactionAnomalies>();
        services.AddSingleton<IReservationStore, InMemoryReservationStore>();
        services.AddSingleton<IReservationUse, ReservationUse>();
        services.AddSingleton<ILocalListStore, InMemoryLocalListStore>();
        services.AddSingleton<IChargingProfileStore, InMemoryChargingProfileStore>();
        services.AddSingleton<ChargingProfileAnswers>();
        services.AddSingleton<IFirmwareJobStore, InMemoryFirmwareJobStore>();
        services.AddSingleton<FileFolders>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<CsmsOptions>>().Value;
            return new CompositeScheduleCalculator(settings.CompositeVoltage, settings.CompositeDefaultPhases);
        });

        // Handlers: one per action a charge point sends.
        services.AddSingleton<AuthorizeHandler>();
        services.AddSingleton<BootNotificationHandler>();
        services.AddSingleton<DataTransferHandler>();
        services.AddSingleton<HeartbeatHandler>();
        services.AddSingleton<MeterValuesHandler>();
        services.AddSingleton<StartTransactionHandler>();
        services.AddSingleton<StatusNotificationHandler>();
        services.AddSingleton<StopTransactionHandler>();
        services.AddSingleton<DiagnosticsStatusNotificationHandler>();
        services.AddSingleton<FirmwareStatusNotificationHandler>();
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<OcppConnectionHandler>>();
            return CsmsRoutes.Build(
                sp,
                (station, action, e) => Log.HandlerFailed(logger, e, station.Id, action));
        });

        // Connections and what watches them.
        services.AddSingleton<RegistrationGate>();
        services.AddSingleton<CsmsMetrics>();
        services.AddSingleton<FrameEventHub>();
        services.AddSingleton<OcppConnectionHandler>();
        services.AddCsmsSecurity(configuration);

        // State: in memory only, unless a data directory keeps it across restarts.
        if (DurableStateExtensions.DataDirectory(configuration) is { } dataDirectory)
        {
            services.AddDurableState(dataDirectory);
        }

        return services;
    }
}
