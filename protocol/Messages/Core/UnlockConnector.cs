using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>UnlockConnector.req (OCPP 1.6 §6.53): the Central System asks the charge point to unlock a connector.</summary>
public sealed record UnlockConnectorRequest : IOcppRequest<UnlockConnectorRequest, UnlockConnectorResponse>
{
    /// <inheritdoc/>
    public static string Action => "UnlockConnector";

    /// <summary>The connector to unlock (greater than 0).</summary>
    public required int ConnectorId { get; init; }
}

/// <summary>UnlockConnector.conf (OCPP 1.6 §6.54).</summary>
public sealed record UnlockConnectorResponse : IOcppResponse
{
    /// <summary>Whether the connector was unlocked.</summary>
    public required UnlockStatus Status { get; init; }
}
