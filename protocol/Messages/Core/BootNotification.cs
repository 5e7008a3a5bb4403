using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>BootNotification.req (OCPP 1.6 §6.3): sent once after (re)boot, describing the charge point.</summary>
public sealed record BootNotificationRequest : IOcppRequest<BootNotificationRequest, BootNotificationResponse>
{
    /// <inheritdoc/>
    public static string Action => "BootNotification";

    /// <summary>Serial number of the charge box inside the charge point (deprecated in 1.6).</summary>
    [CiString(25)]
    public string? ChargeBoxSerialNumber { get; init; }

    /// <summary>The model of the charge point.</summary>
    [CiString(20)]
    public required string ChargePointModel { get; init; }

    /// <summary>The serial number of the charge point.</summary>
    [CiString(25)]
    public string? ChargePointSerialNumber { get; init; }

    /// <summary>The vendor of the charge point.</summary>
    [CiString(20)]
    public required string ChargePointVendor { get; init; }

    /// <summary>The firmware version of the charge point.</summary>
    [CiString(50)]
    public string? FirmwareVersion { get; init; }

    /// <summary>The ICCID of the modem's SIM card.</summary>
    [CiString(20)]
    public string? Iccid { get; init; }

    /// <summary>The IMSI of the modem's SIM card.</summary>
    [CiString(20)]
    public string? Imsi { get; init; }

    /// <summary>The serial number of the main electrical meter.</summary>
    [CiString(25)]
    public string? MeterSerialNumber { get; init; }

    /// <summary>The type of the main electrical meter.</summary>
    [CiString(25)]
    public string? MeterType { get; init; }
}

/// <summary>BootNotification.conf (OCPP 1.6 §6.4).</summary>
public sealed record BootNotificationResponse : IOcppResponse
{
    /// <summary>The Central System's current time.</summary>
    public required DateTimeOffset CurrentTime { get; init; }

    /// <summary>Heartbeat interval in seconds when Accepted; otherwise the wait before the next BootNotification.</summary>
    public required int Interval { get; init; }

    /// <summary>Whether the charge point is registered with the Central System.</summary>
    public required RegistrationStatus Status { get; init; }
}
