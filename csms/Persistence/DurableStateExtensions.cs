using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.Reservations;
using OcppLab.Csms.Security;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Transactions;

namespace OcppLab.Csms.Persistence;

/// <summary>Swaps the in-memory stores for durable ones when a data directory is given.</summary>
public static class DurableStateExtensions
{
    /// <summary>The command-line option naming the data directory (<c>--data-dir PATH</c>).</summary>
    public const string DataDirOption = "data-dir";

    /// <summary>The data directory (<c>Csms:DataDirectory</c>, which <c>--data-dir</c> sets); null keeps state in memory only.</summary>
    public static string? DataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration[$"{CsmsOptions.Section}:{nameof(CsmsOptions.DataDirectory)}"];
        return string.IsNullOrWhiteSpace(directory) ? null : directory;
    }

    /// <summary>
    /// Keeps id tags, transactions with their meter values, reservations, charging profiles, local list
    /// state, the stations' security and the CA with the certificates it signed in SQLite under
    /// <paramref name="directory"/>. Everything else (connections, status, boot records, firmware jobs) is
    /// rebuilt from what the stations send after they reconnect.
    /// </summary>
    public static IServiceCollection AddDurableState(this IServiceCollection services, string directory)
    {
        services.AddSingleton(_ => new CsmsDatabase(directory));
        services.Replace(ServiceDescriptor.Singleton<IIdTagStore>(sp => new DurableIdTagStore(
            sp.GetRequiredService<CsmsDatabase>(),
            sp.GetRequiredService<IOptions<CsmsOptions>>().Value.IdTags.Select(t => new IdTagRecord(t.IdTag, t.Status, t.ExpiryDate, t.ParentIdTag)))));
        services.Replace(ServiceDescriptor.Singleton<ITransactionStore>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<CsmsOptions>>().Value;
            return new DurableTransactionStore(sp.GetRequiredService<CsmsDatabase>(), settings.FirstTransactionId, settings.KeepStoppedTransactions);
        }));
        services.Replace(ServiceDescriptor.Singleton<IReservationStore>(sp => new DurableReservationStore(sp.GetRequiredService<CsmsDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<ILocalListStore>(sp => new DurableLocalListStore(sp.GetRequiredService<CsmsDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IChargingProfileStore>(sp => new DurableChargingProfileStore(sp.GetRequiredService<CsmsDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IStationSecurityStore>(sp => new DurableStationSecurityStore(
            sp.GetRequiredService<CsmsDatabase>(), sp.GetRequiredService<IOptionsMonitor<CsmsSecurityOptions>>())));
        services.AddHostedService<DurableStateLoader>();
        return services;
    }
}
