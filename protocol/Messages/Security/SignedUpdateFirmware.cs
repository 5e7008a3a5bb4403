using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>SignedUpdateFirmware.req (Security Whitepaper ed. 3 §5.21): the Central System asks the charge point to install signed firmware.</summary>
public sealed record SignedUpdateFirmwareRequest : IOcppRequest<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>
{
    /// <inheritdoc/>
    public static string Action => "SignedUpdateFirmware";

    /// <summary>How many download attempts to make before giving up; the charge point decides when absent.</summary>
    public int? Retries { get; init; }

    /// <summary>Seconds to wait between attempts; the charge point decides when absent.</summary>
    public int? RetryInterval { get; init; }

    /// <summary>The id of this request, echoed in SignedFirmwareStatusNotification.</summary>
    public required int RequestId { get; init; }

    /// <summary>The firmware to install.</summary>
    public required Firmware Firmware { get; init; }
}

/// <summary>SignedUpdateFirmware.conf (Security Whitepaper ed. 3 §5.22).</summary>
public sealed record SignedUpdateFirmwareResponse : IOcppResponse
{
    /// <summary>Whether the charge point accepts the update.</summary>
    public required UpdateFirmwareStatus Status { get; init; }
}
