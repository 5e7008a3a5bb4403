using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.SmartCharging;

/// <summary>SetChargingProfile.req (OCPP 1.6 §6.43): the Central System installs a charging profile.</summary>
public sealed record SetChargingProfileRequest : IOcppRequest<SetChargingProfileRequest, SetChargingProfileResponse>
{
    /// <inheritdoc/>
    public static string Action => "SetChargingProfile";

    /// <summary>The connector the profile applies to, or 0 for an overall limit of the charge point.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The profile to install (wire name <c>csChargingProfiles</c>, singular despite the name).</summary>
    public required ChargingProfile CsChargingProfiles { get; init; }
}

/// <summary>SetChargingProfile.conf (OCPP 1.6 §6.44).</summary>
public sealed record SetChargingProfileResponse : IOcppResponse
{
    /// <summary>Whether the profile was processed; not a promise that the schedule is followed exactly.</summary>
    public required ChargingProfileStatus Status { get; init; }
}
