namespace OcppLab.ChargePoint.Transport;

/// <summary>Where and how a charge point connects to its Central System (OCPP-J 1.6 §3).</summary>
public sealed record ConnectionSettings
{
    /// <summary>The Central System's base URL; the charge point identity is appended as the last path segment.</summary>
    public required Uri CentralSystemUrl { get; init; }

    /// <summary>The password for HTTP Basic authentication (Security Whitepaper, profile 1); null for none.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>How long one connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait between reconnection attempts.</summary>
    public ReconnectBackoff Backoff { get; init; } = new();

    /// <summary>The endpoint URL of <paramref name="chargePointId"/>: <c>ws[s]://host/path/{id}</c> (OCPP-J 1.6 §3.1.1).</summary>
    public Uri EndpointFor(string chargePointId)
    {
        var text = CentralSystemUrl.ToString();
        var separator = text.EndsWith('/') ? string.Empty : "/";
        return new Uri(text + separator + Uri.EscapeDataString(chargePointId));
    }
}
