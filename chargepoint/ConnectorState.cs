using OcppLab.ChargePoint.Metering;
using OcppLab.ChargePoint.Transactions;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint;

/// <summary>Everything the charge point knows about one connector; its OCPP status is derived from it (OCPP 1.6 §4.9).</summary>
internal sealed class ConnectorState(int id, EnergyMeter meter)
{
    public int Id { get; } = id;

    public EnergyMeter Meter { get; } = meter;

    /// <summary>Cable plugged in at both sides.</summary>
    public bool Plugged { get; set; }

    /// <summary>The cable was pulled at the EV side while a transaction continues (StopTransactionOnEVSideDisconnect=false).</summary>
    public bool EvSideDisconnected { get; set; }

    public bool Locked { get; set; }

    /// <summary>Set by ChangeAvailability and kept across reboots (OCTT TC_013, TC_034).</summary>
    public bool Operative { get; set; } = true;

    /// <summary>A ChangeAvailability answered Scheduled, applied when the transaction ends (OCPP 1.6 §5.2).</summary>
    public bool? ScheduledOperative { get; set; }

    public ChargePointErrorCode? Fault { get; set; }

    public string? FaultInfo { get; set; }

    public Reservation? Reservation { get; set; }

    /// <summary>An IdTag authorized for this connector, waiting for the cable (identification first or remote start).</summary>
    public Authorized? PendingAuthorization { get; set; }

    public Transaction? Transaction { get; set; }

    /// <summary>The transaction has ended but the cable is still in.</summary>
    public bool Finishing { get; set; }

    /// <summary>The EV does not draw energy although it is offered.</summary>
    public bool EvSuspended { get; set; }

    /// <summary>The current the EV would draw per phase if allowed.</summary>
    public decimal EvDemandAmperes { get; set; } = 32;

    /// <summary>The last status sent in a StatusNotification.</summary>
    public StatusReport? Reported { get; set; }

    public IDisposable? ConnectionTimeout { get; set; }

    /// <summary>The next plug-in only half succeeds: the connector lock fails (OCTT TC_024).</summary>
    public bool LockWillFail { get; set; }
}

/// <summary>An IdTag authorized to start on a connector.</summary>
internal sealed record Authorized(string IdTag, string? ParentIdTag, int? ReservationId, bool Remote);

/// <summary>A reservation made by ReserveNow (OCPP 1.6 §5.13).</summary>
/// <param name="ReservationId">The Central System's id.</param>
/// <param name="ConnectorId">The connector as requested (0 = any connector).</param>
/// <param name="IdTag">The IdTag it is reserved for.</param>
/// <param name="ParentIdTag">Members of this group may use it too.</param>
/// <param name="ExpiryDate">When it lapses.</param>
public sealed record Reservation(int ReservationId, int ConnectorId, string IdTag, string? ParentIdTag, DateTimeOffset ExpiryDate)
{
    internal IDisposable? Expiry { get; set; }
}

/// <summary>What a StatusNotification reports for a connector.</summary>
/// <param name="Status">The status.</param>
/// <param name="ErrorCode">The error code (NoError unless Faulted).</param>
/// <param name="Info">Free text, e.g. "EV side disconnected".</param>
public sealed record StatusReport(ChargePointStatus Status, ChargePointErrorCode ErrorCode, string? Info);
