using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Transactions;

/// <summary>A transaction as the charge point tracks it, including before the Central System assigned its id.</summary>
public sealed class Transaction
{
    internal Transaction(int connectorId, string idTag, string? parentIdTag, int? reservationId, DateTimeOffset startedAt, int meterStart)
    {
        ConnectorId = connectorId;
        IdTag = idTag;
        ParentIdTag = parentIdTag;
        ReservationId = reservationId;
        StartedAt = startedAt;
        MeterStart = meterStart;
    }

    public int ConnectorId { get; }

    public string IdTag { get; }

    /// <summary>Learnt from Authorize.conf or StartTransaction.conf; another tag of the same group may stop it (OCPP 1.6 §3.5.1).</summary>
    public string? ParentIdTag { get; internal set; }

    public int? ReservationId { get; }

    public DateTimeOffset StartedAt { get; }

    public int MeterStart { get; }

    /// <summary>The id from StartTransaction.conf; null while the StartTransaction is queued (offline start).</summary>
    public int? TransactionId { get; internal set; }

    /// <summary>Energy delivery stopped because the IdTag was found invalid (StopTransactionOnInvalidId=false).</summary>
    public bool SuspendedByInvalidId { get; internal set; }

    /// <summary>Meter values collected for StopTransaction.transactionData (StopTxnSampledData, StopTxnAlignedData).</summary>
    internal List<MeterValue> StopData { get; } = [];

    internal IDisposable? Sampling { get; set; }

    /// <summary>The energy register (Wh) at which delivery is suspended after the IdTag was found invalid (MaxEnergyOnInvalidId); null while valid.</summary>
    internal double? SuspendAtWh { get; set; }

    /// <summary>The planned check for <see cref="SuspendAtWh"/>.</summary>
    internal IDisposable? InvalidIdAllowance { get; set; }
}
