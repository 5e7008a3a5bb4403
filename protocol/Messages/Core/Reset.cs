using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>Reset.req (OCPP 1.6 §6.39): the Central System asks the charge point to restart.</summary>
public sealed record ResetRequest : IOcppRequest<ResetRequest, ResetResponse>
{
    /// <inheritdoc/>
    public static string Action => "Reset";

    /// <summary>Soft or hard reset.</summary>
    public required ResetType Type { get; init; }
}

/// <summary>Reset.conf (OCPP 1.6 §6.40).</summary>
public sealed record ResetResponse : IOcppResponse
{
    /// <summary>Whether the charge point will reset.</summary>
    public required ResetStatus Status { get; init; }
}
