using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Reservation;

/// <summary>ReserveNow.req (OCPP 1.6 §6.37): the Central System reserves a connector, or the charge point, for an identifier.</summary>
public sealed record ReserveNowRequest : IOcppRequest<ReserveNowRequest, ReserveNowResponse>
{
    /// <inheritdoc/>
    public static string Action => "ReserveNow";

    /// <summary>The connector to reserve, or 0 for no particular connector.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>When the reservation ends.</summary>
    public required DateTimeOffset ExpiryDate { get; init; }

    /// <summary>The identifier the reservation is for, an IdToken (§7.28).</summary>
    [CiString(20)]
    public required string IdTag { get; init; }

    /// <summary>The parent identifier, an IdToken (§7.28).</summary>
    [CiString(20)]
    public string? ParentIdTag { get; init; }

    /// <summary>Unique id of the reservation.</summary>
    public required int ReservationId { get; init; }
}

/// <summary>ReserveNow.conf (OCPP 1.6 §6.38).</summary>
public sealed record ReserveNowResponse : IOcppResponse
{
    /// <summary>Whether the reservation was made, and why not.</summary>
    public required ReservationStatus Status { get; init; }
}
