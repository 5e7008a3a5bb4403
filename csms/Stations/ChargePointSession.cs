using System.Collections.Concurrent;
using System.Collections.Immutable;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Stations;

/// <summary>
/// What the Central System knows about one charge point. It outlives connections: a station that
/// reconnects keeps its boot status, connectors and configuration. Handlers of one station run one at
/// a time (the endpoint dispatches in order), so writes need no locks; readers see immutable values.
/// </summary>
public sealed class ChargePointSession(string id)
{
    private readonly ConcurrentDictionary<int, ConnectorState> connectors = new();
    private readonly ConcurrentDictionary<int, IReadOnlyList<MeterValue>> latestMeterValues = new();
    private OcppRpcEndpoint? connection;
    private ImmutableList<StatusReport<FirmwareStatus>> firmwareStatuses = [];
    private ImmutableList<StatusReport<DiagnosticsStatus>> diagnosticsStatuses = [];
    private ImmutableDictionary<string, ConfigurationEntry> configuration = ImmutableDictionary.Create<string, ConfigurationEntry>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The charge point identity.</summary>
    public string Id { get; } = id;

    /// <summary>The live connection, or null while offline.</summary>
    public OcppRpcEndpoint? Connection => Volatile.Read(ref connection);

    /// <summary>Whether the station is connected now.</summary>
    public bool IsConnected => Connection is { IsClosed: false };

    /// <summary>The last BootNotification and its answer.</summary>
    public BootRecord? LastBoot { get; set; }

    /// <summary>The registration status last answered (null before the first BootNotification).</summary>
    public RegistrationStatus? Registration => LastBoot?.Status;

    /// <summary>When the station last sent a Heartbeat.</summary>
    public DateTimeOffset? LastHeartbeat { get; set; }

    /// <summary>When the station last sent anything.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>When the current connection opened.</summary>
    public DateTimeOffset? ConnectedSince { get; set; }

    /// <summary>When the last connection closed.</summary>
    public DateTimeOffset? DisconnectedAt { get; set; }

    /// <summary>How many times the station has connected.</summary>
    public int ConnectionCount { get; set; }

    /// <summary>Firmware statuses reported by FirmwareStatusNotification (OCPP 1.6 §6.5), oldest first.</summary>
    public IReadOnlyList<StatusReport<FirmwareStatus>> FirmwareStatuses => firmwareStatuses;

    /// <summary>Diagnostics statuses reported by DiagnosticsStatusNotification (OCPP 1.6 §6.3), oldest first.</summary>
    public IReadOnlyList<StatusReport<DiagnosticsStatus>> DiagnosticsStatuses => diagnosticsStatuses;

    /// <summary>Records a firmware status (written by the station's handler only).</summary>
    public void AddFirmwareStatus(StatusReport<FirmwareStatus> report) => firmwareStatuses = firmwareStatuses.Add(report);

    /// <summary>Records a diagnostics status (written by the station's handler only).</summary>
    public void AddDiagnosticsStatus(StatusReport<DiagnosticsStatus> report) => diagnosticsStatuses = diagnosticsStatuses.Add(report);

    /// <summary>The configuration last read from the station, by key (keys compare ignoring case, CiString50).</summary>
    public IReadOnlyDictionary<string, ConfigurationEntry> Configuration => configuration;

    /// <summary>Records configuration keys read or changed; written by operator calls, so swapped atomically.</summary>
    public void RecordConfiguration(IEnumerable<ConfigurationEntry> entries) =>
        ImmutableInterlocked.Update(ref configuration, (current, added) => current.SetItems(added.Select(e => KeyValuePair.Create(e.Key, e))), entries.ToList());

    /// <summary>The integer value of a configuration key last read, or null when unknown or not an integer.</summary>
    public int? ConfigurationInt(string key) =>
        configuration.TryGetValue(key, out var entry) && int.TryParse(entry.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The connectors' last reported states, by connector id (0 = the charge point).</summary>
    public IReadOnlyDictionary<int, ConnectorState> Connectors => connectors;

    /// <summary>Records a StatusNotification.</summary>
    public void SetConnector(ConnectorState state) => connectors[state.ConnectorId] = state;

    /// <summary>The latest MeterValues.req values per connector (0 = the main meter).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<MeterValue>> LatestMeterValues => latestMeterValues;

    /// <summary>Records the latest meter values of a connector.</summary>
    public void SetLatestMeterValues(int connectorId, IReadOnlyList<MeterValue> values) => latestMeterValues[connectorId] = values;

    /// <summary>Makes <paramref name="endpoint"/> the live connection and returns the one it replaces.</summary>
    public OcppRpcEndpoint? Attach(OcppRpcEndpoint endpoint) => Interlocked.Exchange(ref connection, endpoint);

    /// <summary>Clears the live connection if it is still <paramref name="endpoint"/> (a newer one may have replaced it).</summary>
    public bool Detach(OcppRpcEndpoint endpoint) => Interlocked.CompareExchange(ref connection, null, endpoint) == endpoint;
}
