using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>RemoteStartTransaction.req (OCPP 1.6 §6.33): the Central System asks the charge point to start a transaction.</summary>
public sealed record RemoteStartTransactionRequest : IOcppRequest<RemoteStartTransactionRequest, RemoteStartTransactionResponse>
{
    /// <inheritdoc/>
    public static string Action => "RemoteStartTransaction";

    /// <summary>The connector to start on (greater than 0); the charge point chooses when absent.</summary>
    public int? ConnectorId { get; init; }

    /// <summary>The identifier to start the transaction for, an IdToken (§7.28).</summary>
    [CiString(20)]
    public required string IdTag { get; init; }

    /// <summary>A profile for the new transaction; its purpose must be TxProfile.</summary>
    public ChargingProfile? ChargingProfile { get; init; }
}

/// <summary>RemoteStartTransaction.conf (OCPP 1.6 §6.34).</summary>
public sealed record RemoteStartTransactionResponse : IOcppResponse
{
    /// <summary>Whether the charge point will try to start the transaction.</summary>
    public required RemoteStartStopStatus Status { get; init; }
}
