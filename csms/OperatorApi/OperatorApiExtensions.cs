using System.Text.Json.Serialization;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.SmartCharging;

namespace OcppLab.Csms.OperatorApi;

/// <summary>The operator API: HTTP + JSON on the Central System's host, under <c>/api</c>.</summary>
public static class OperatorApiExtensions
{
    /// <summary>Registers the operator API's services and JSON conventions (camelCase, enums as their spec names, nulls omitted).</summary>
    public static IServiceCollection AddOperatorApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddEndpointsApiExplorer();
        services.AddSingleton<OpenApi.OpenApiDocumentBuilder>();
        services.AddSingleton<StationCaller>();
        services.AddSingleton<RemoteStartProfiles>();
        services.AddSingleton<ConfigurationReader>();
        services.AddSingleton<StationStores>();

        // Body binding failures throw, so that BadBodyProblems can name the bad value.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        return services;
    }

    /// <summary>Adds the middleware that answers unreadable bodies with a problem naming the value.</summary>
    public static IApplicationBuilder UseOperatorApi(this IApplicationBuilder app) => app.UseMiddleware<BadBodyProblems>();

    /// <summary>Maps every operator endpoint group.</summary>
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapChargePoints();
        api.MapTransactions();
        api.MapIdTags();
        api.MapCoreOperations();
        api.MapRemoteTrigger();
        api.MapReservations();
        api.MapLocalList();
        api.MapSmartCharging();
        api.MapFirmware();
        api.MapEventStream();
        app.MapFiles(api);
        app.MapOpenApiDocument();
        return app;
    }
}
