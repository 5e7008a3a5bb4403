namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Hands every charge point's HttpClient (firmware download, diagnostics upload) the same handler. A charge
/// point disposes its handler with itself, so it gets this thin forwarder, which leaves the shared one open.
/// </summary>
internal sealed class SharedHttpHandler(HttpMessageInvoker shared) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        shared.SendAsync(request, cancellationToken);
}
