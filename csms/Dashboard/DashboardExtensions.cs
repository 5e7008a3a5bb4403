using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OcppLab.Csms.Dashboard;

/// <summary>
/// The operator dashboard: one static page (<c>wwwroot/index.html</c> and its ES modules) served at
/// <c>/</c>. It uses only the operator API, like any other client, so it adds no server state.
/// </summary>
public static class DashboardExtensions
{
    /// <summary>The page's file inside the web root.</summary>
    public const string PageFile = "index.html";

    /// <summary>The manifest name prefix of the page's files embedded in the assembly (csms/wwwroot).</summary>
    private const string EmbeddedRoot = "OcppLab.Csms.wwwroot";

    /// <summary>Serves the web root's files and maps <c>GET /</c> to the page.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The page travels inside the assembly, so a host that embeds the Central System elsewhere (the fleet)
        // serves it too; a web root on disk that has the page wins, so edits show without a rebuild.
        var onDisk = app.Environment.WebRootFileProvider;
        var files = onDisk.GetFileInfo(PageFile).Exists
            ? onDisk
            : new EmbeddedFileProvider(typeof(DashboardExtensions).Assembly, EmbeddedRoot);

        // The page's modules change with the code; the browser asks again rather than running stale ones.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", (HttpContext http) => Page(files, http))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IFileProvider files, HttpContext http)
    {
        var page = files.GetFileInfo(PageFile);
        if (!page.Exists)
        {
            return Results.Problem(
                detail: $"The dashboard page ({PageFile}) is neither in the web root nor embedded in the Central System's assembly; the build is incomplete.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Dashboard not installed",
                type: "urn:ocpplab:problem:dashboard-missing");
        }

        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
    }
}
