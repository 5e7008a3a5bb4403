using Microsoft.Extensions.Logging;
using OcppLab.ChargePoint.Configuration;
using OcppLab.ChargePoint.Scheduling;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// What the behaviours of one charge point share: its identity and template, its configuration keys, its
/// connectors, its serial scheduler and clock, and the few services one behaviour offers the others (the
/// send queue, the follow-ups of an answer, the status reports, a reboot). Everything in it is used on the scheduler.
/// </summary>
internal sealed class ChargePointContext
{
    public required string Id { get; init; }

    public required ChargePointTemplate Template { get; init; }

    public required ConfigurationStore Configuration { get; init; }

    public required SerialScheduler Scheduler { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>Connector 0 (the charge point itself) and the outlets.</summary>
    public required IReadOnlyList<ConnectorState> Connectors { get; init; }

    /// <summary>The outgoing message queue.</summary>
    public required IMessageSender Messages { get; init; }

    /// <summary>Runs an action once the answer to the CALL being handled is on its way.</summary>
    public required Action<Action> AfterResponse { get; init; }

    /// <summary>Sets every connector's power from the EV's demand and the limit now in force.</summary>
    public required Action ApplyPowerEverywhere { get; init; }

    /// <summary>Re-derives a connector's status and reports a change.</summary>
    public required Action<ConnectorState> RefreshStatus { get; init; }

    /// <summary>Ends the transactions with <c>reason</c>, lets their messages go out and boots again.</summary>
    public required Func<OcppLab.Protocol.Messages.Types.Reason, Task> Reboot { get; init; }

    /// <summary>The firmware the charge point runs: the template's until an update installs another.</summary>
    public required string FirmwareVersion { get; set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The connectors other than connector 0.</summary>
    public IEnumerable<ConnectorState> Outlets => Connectors.Skip(1);

    public ConnectorState? ConnectorAt(int connectorId) =>
        connectorId >= 0 && connectorId < Connectors.Count ? Connectors[connectorId] : null;
}
