namespace OcppLab.Protocol.Messages.Core;

/// <summary>Heartbeat.req (OCPP 1.6 §6.29): the charge point tells the Central System it is alive.</summary>
public sealed record HeartbeatRequest : IOcppRequest<HeartbeatRequest, HeartbeatResponse>
{
    /// <inheritdoc/>
    public static string Action => "Heartbeat";
}

/// <summary>Heartbeat.conf (OCPP 1.6 §6.30).</summary>
public sealed record HeartbeatResponse : IOcppResponse
{
    /// <summary>The Central System's current time.</summary>
    public required DateTimeOffset CurrentTime { get; init; }
}
