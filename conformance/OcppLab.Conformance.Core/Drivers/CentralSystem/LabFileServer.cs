using System.Net;
using OcppLab.Conformance.Support.Gherkin;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// OCTT's file server (TC_044_x, TC_045_x): serves a firmware image, an image the charge point cannot
/// install (empty), and takes diagnostics uploads; anything else is 404, as an unreachable location.
/// The charge point reaches it through its HttpMessageHandler seam, with no socket.
/// </summary>
public sealed class LabFileServer(ScenarioContext context) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? "";
        context.Log($"[file server] {request.Method} {request.RequestUri}");
        if (request.Method == HttpMethod.Get && path.EndsWith("/fw-2.0.0.bin", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x4F, 0x43, 0x50, 0x50, 0x01]) };
        }

        if (request.Method == HttpMethod.Get && path.EndsWith("/invalid.bin", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        }

        if ((request.Method == HttpMethod.Put || request.Method == HttpMethod.Post) && path.StartsWith("/logs/", StringComparison.Ordinal))
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            context.Log($"[file server] stored {body.Length} bytes at {path}");
            return new HttpResponseMessage(HttpStatusCode.Created);
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
