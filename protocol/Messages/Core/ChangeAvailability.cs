using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>ChangeAvailability.req (OCPP 1.6 §6.7): the Central System makes a connector, or the whole charge point, (in)operative.</summary>
public sealed record ChangeAvailabilityRequest : IOcppRequest<ChangeAvailabilityRequest, ChangeAvailabilityResponse>
{
    /// <inheritdoc/>
    public static string Action => "ChangeAvailability";

    /// <summary>The connector to change, or 0 for the charge point and all its connectors.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The availability asked for.</summary>
    public required AvailabilityType Type { get; init; }
}

/// <summary>ChangeAvailability.conf (OCPP 1.6 §6.8).</summary>
public sealed record ChangeAvailabilityResponse : IOcppResponse
{
    /// <summary>Whether the change is made now, later, or not at all.</summary>
    public required AvailabilityStatus Status { get; init; }
}
