using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>RemoteStopTransaction.req (OCPP 1.6 §6.35): the Central System asks the charge point to stop a transaction.</summary>
public sealed record RemoteStopTransactionRequest : IOcppRequest<RemoteStopTransactionRequest, RemoteStopTransactionResponse>
{
    /// <inheritdoc/>
    public static string Action => "RemoteStopTransaction";

    /// <summary>The transaction to stop.</summary>
    public required int TransactionId { get; init; }
}

/// <summary>RemoteStopTransaction.conf (OCPP 1.6 §6.36).</summary>
public sealed record RemoteStopTransactionResponse : IOcppResponse
{
    /// <summary>Whether the charge point will stop the transaction.</summary>
    public required RemoteStartStopStatus Status { get; init; }
}
