namespace OcppLab.Csms.Connections;

/// <summary>Maps the OCPP-J WebSocket endpoint.</summary>
public static class OcppEndpointRouteBuilderExtensions
{
    /// <summary>The path prefix of the OCPP endpoint; the charge point identity is the segment after it.</summary>
    public const string PathPrefix = "/ocpp";

    /// <summary>Maps <c>ws://host/ocpp/{chargePointId}</c> (OCPP-J 1.6 §3.1.1: the identity is the last path segment).</summary>
    public static IEndpointRouteBuilder MapOcpp(this IEndpointRouteBuilder app)
    {
        app.Map(PathPrefix + "/{chargePointId}", (HttpContext http, string chargePointId, OcppConnectionHandler handler) => handler.HandleAsync(http, chargePointId))
            .ExcludeFromDescription();
        return app;
    }
}
