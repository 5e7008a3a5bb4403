namespace OcppLab.Protocol.Messages.LocalAuthListManagement;

/// <summary>GetLocalListVersion.req (OCPP 1.6 §6.27): the Central System asks for the version of the local authorization list.</summary>
public sealed record GetLocalListVersionRequest : IOcppRequest<GetLocalListVersionRequest, GetLocalListVersionResponse>
{
    /// <inheritdoc/>
    public static string Action => "GetLocalListVersion";
}

/// <summary>GetLocalListVersion.conf (OCPP 1.6 §6.28).</summary>
public sealed record GetLocalListVersionResponse : IOcppResponse
{
    /// <summary>The version of the list the charge point holds.</summary>
    public required int ListVersion { get; init; }
}
