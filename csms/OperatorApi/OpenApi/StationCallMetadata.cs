namespace OcppLab.Csms.OperatorApi.OpenApi;

/// <summary>
/// Marks an endpoint that sends a CALL to a station, so that its OpenAPI operation documents the problems
/// only a station call has: not connected (404/409), a CALLERROR or broken answer (502), a lost connection
/// (503) and no answer in time (504).
/// </summary>
public sealed class StationCallMetadata
{
    /// <summary>The one instance; the marker carries no data.</summary>
    public static StationCallMetadata Instance { get; } = new();

    private StationCallMetadata()
    {
    }
}

/// <summary>Adds <see cref="StationCallMetadata"/> to an endpoint.</summary>
public static class StationCallMetadataExtensions
{
    /// <summary>Marks the endpoint as one that calls the station.</summary>
    public static TBuilder CallsStation<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(StationCallMetadata.Instance);
}
