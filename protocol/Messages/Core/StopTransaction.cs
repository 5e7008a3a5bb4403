using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>StopTransaction.req (OCPP 1.6 §6.49): the charge point reports that a transaction stopped.</summary>
public sealed record StopTransactionRequest : IOcppRequest<StopTransactionRequest, StopTransactionResponse>
{
    /// <inheritdoc/>
    public static string Action => "StopTransaction";

    /// <summary>The identifier that asked to stop, an IdToken (§7.28); absent when none did, e.g. on a reset.</summary>
    [CiString(20)]
    public string? IdTag { get; init; }

    /// <summary>The connector's meter reading in Wh at the end.</summary>
    public required int MeterStop { get; init; }

    /// <summary>When the transaction stopped.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The transaction id received in StartTransaction.conf.</summary>
    public required int TransactionId { get; init; }

    /// <summary>Why the transaction stopped; may only be left out when the reason is Local.</summary>
    public Reason? Reason { get; init; }

    /// <summary>Meter values of the transaction relevant for billing.</summary>
    public IReadOnlyList<MeterValue>? TransactionData { get; init; }
}

/// <summary>StopTransaction.conf (OCPP 1.6 §6.50).</summary>
public sealed record StopTransactionResponse : IOcppResponse
{
    /// <summary>The status of the identifier that stopped it; absent when no identifier was given.</summary>
    public IdTagInfo? IdTagInfo { get; init; }
}
