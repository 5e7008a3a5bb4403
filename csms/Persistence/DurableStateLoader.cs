using OcppLab.Csms.IdTags;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.Reservations;
using OcppLab.Csms.Security;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Transactions;

namespace OcppLab.Csms.Persistence;

/// <summary>
/// Opens the data directory and loads every durable store while the host starts, so that an unusable
/// directory stops the start with its reason and the first station does not wait for the load.
/// </summary>
internal sealed partial class DurableStateLoader(IServiceProvider services, ILogger<DurableStateLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<CsmsDatabase>();
        var idTags = services.GetRequiredService<IIdTagStore>().All().Count;
        var transactions = services.GetRequiredService<ITransactionStore>().All();
        services.GetRequiredService<IReservationStore>();
        services.GetRequiredService<ILocalListStore>();
        services.GetRequiredService<IChargingProfileStore>();
        services.GetRequiredService<IStationSecurityStore>();
        services.GetRequiredService<SecurityRecordStore>();
        services.GetRequiredService<CertificateAuthority>();
        Loaded(logger, database.Directory, idTags, transactions.Count, transactions.Count(t => t.IsActive));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(100, LogLevel.Information, "State kept in {Directory}: {IdTags} id tags, {Transactions} transactions ({Active} running)")]
    private static partial void Loaded(ILogger logger, string directory, int idTags, int transactions, int active);
}
