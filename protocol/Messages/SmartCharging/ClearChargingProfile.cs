using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.SmartCharging;

/// <summary>
/// ClearChargingProfile.req (OCPP 1.6 §6.13): the Central System removes one profile by id, or every profile
/// matching the given criteria.
/// </summary>
public sealed record ClearChargingProfileRequest : IOcppRequest<ClearChargingProfileRequest, ClearChargingProfileResponse>
{
    /// <inheritdoc/>
    public static string Action => "ClearChargingProfile";

    /// <summary>The id of the profile to remove.</summary>
    public int? Id { get; init; }

    /// <summary>The connector whose profiles to remove, 0 for the charge point; any connector when absent.</summary>
    public int? ConnectorId { get; init; }

    /// <summary>Only remove profiles with this purpose.</summary>
    public ChargingProfilePurposeType? ChargingProfilePurpose { get; init; }

    /// <summary>Only remove profiles at this stack level.</summary>
    public int? StackLevel { get; init; }
}

/// <summary>ClearChargingProfile.conf (OCPP 1.6 §6.14).</summary>
public sealed record ClearChargingProfileResponse : IOcppResponse
{
    /// <summary>Whether any profile matched.</summary>
    public required ClearChargingProfileStatus Status { get; init; }
}
