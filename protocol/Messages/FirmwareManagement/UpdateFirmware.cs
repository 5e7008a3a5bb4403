namespace OcppLab.Protocol.Messages.FirmwareManagement;

/// <summary>UpdateFirmware.req (OCPP 1.6 §6.55): the Central System asks the charge point to download and install firmware.</summary>
public sealed record UpdateFirmwareRequest : IOcppRequest<UpdateFirmwareRequest, UpdateFirmwareResponse>
{
    /// <inheritdoc/>
    public static string Action => "UpdateFirmware";

    /// <summary>URI to download the firmware from (schema format "uri").</summary>
    public required string Location { get; init; }

    /// <summary>How many download attempts to make before giving up; the charge point decides when absent.</summary>
    public int? Retries { get; init; }

    /// <summary>The earliest time the charge point may download the firmware.</summary>
    public required DateTimeOffset RetrieveDate { get; init; }

    /// <summary>Seconds to wait between attempts; the charge point decides when absent.</summary>
    public int? RetryInterval { get; init; }
}

/// <summary>UpdateFirmware.conf (OCPP 1.6 §6.56): no members.</summary>
public sealed record UpdateFirmwareResponse : IOcppResponse;
