using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>StartTransaction.req (OCPP 1.6 §6.45): the charge point reports that a transaction started.</summary>
public sealed record StartTransactionRequest : IOcppRequest<StartTransactionRequest, StartTransactionResponse>
{
    /// <inheritdoc/>
    public static string Action => "StartTransaction";

    /// <summary>The connector in use (greater than 0).</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The identifier the transaction was started for, an IdToken (§7.28).</summary>
    [CiString(20)]
    public required string IdTag { get; init; }

    /// <summary>The connector's meter reading in Wh at the start.</summary>
    public required int MeterStart { get; init; }

    /// <summary>The reservation this transaction ends, if any.</summary>
    public int? ReservationId { get; init; }

    /// <summary>When the transaction started.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}

/// <summary>StartTransaction.conf (OCPP 1.6 §6.46).</summary>
public sealed record StartTransactionResponse : IOcppResponse
{
    /// <summary>The identifier's status, expiry and parent.</summary>
    public required IdTagInfo IdTagInfo { get; init; }

    /// <summary>The transaction id assigned by the Central System.</summary>
    public required int TransactionId { get; init; }
}
