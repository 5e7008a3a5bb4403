using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.SmartCharging;

namespace OcppLab.Csms.OperatorApi;

/// <summary>The operator API: HTTP + JSON on the Central System's host, under <c>/api</c>.</summary>
public static class OperatorApiExtensions
{
    /// <summary>Registers the operator API's services and JSON conventions (camelCase, enums as their spec names, nulls omitted).</summary>
    public static IServiceCollection AddOperatorApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
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
            // Enums by their spelling only, numbers as numbers: what the 1.6 schemas allow (RequestBodyChecks
            // rejects the rest with a problem first; this keeps binding from ever accepting it).
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services;
    }

    /// <summary>
    /// Adds the operator API's edge: a problem for every error without a body (404, 405, ...), a problem
    /// for an unhandled exception (500), body limits and schema checks, and named binding failures.
    /// </summary>
    public static IApplicationBuilder UseOperatorApi(this IApplicationBuilder app)
    {
        // A WebSocket under /ocpp has no response to write a problem into once upgraded; its failures stay
        // with the OCPP endpoint's own handling.
        app.UseWhen(http => !IsOcpp(http), branch => branch.UseExceptionHandler());
        app.UseStatusCodePages(WriteEmptyErrorAsProblem);
        app.UseMiddleware<BadBodyProblems>();
        app.UseMiddleware<RequestBodyChecks>();
        return app;
    }

    private static async Task WriteEmptyErrorAsProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;

        // The OCPP endpoint's refusals answer a WebSocket upgrade; a station reads the status, not a body.
        if (IsOcpp(http))
        {
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode },
        });
    }

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
        api.MapManualActions();
        api.MapEventStream();
        app.MapFiles(api);
        app.MapOpenApiDocument();
        return app;
    }

    private static bool IsOcpp(HttpContext http) => http.Request.Path.StartsWithSegments("/ocpp", StringComparison.OrdinalIgnoreCase);
}
