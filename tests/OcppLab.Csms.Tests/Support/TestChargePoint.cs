using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Tests.Support;

/// <summary>
/// A scripted charge point on the far side of a WebSocket to the Central System under test. It calls
/// the Central System with typed requests and answers its CALLs with the handlers a test maps.
/// </summary>
public sealed class TestChargePoint : IAsyncDisposable
{
    private readonly WebSocket socket;
    private readonly CancellationTokenSource stop = new();
    private readonly Task<TransportEnd> transport;

    private TestChargePoint(string id, WebSocket socket, OcppRouter<TestChargePoint> router)
    {
        Id = id;
        this.socket = socket;
        Endpoint = new OcppRpcEndpoint(id, router.Bind(this), new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(10), ValidateOutgoing = true });
        transport = WebSocketTransport.RunAsync(socket, Endpoint, stop.Token);
    }

    /// <summary>The identity.</summary>
    public string Id { get; }

    /// <summary>The RPC endpoint.</summary>
    public OcppRpcEndpoint Endpoint { get; }

    /// <summary>The subprotocol the Central System agreed to.</summary>
    public string? Subprotocol => socket.SubProtocol;

    /// <summary>Calls the Central System received from this point, by action, in order.</summary>
    public ConcurrentQueue<(string Action, object Request)> Received { get; } = new();

    /// <summary>Completes when the connection ends.</summary>
    public Task<TransportEnd> Closed => transport;

    /// <summary>Connects <paramref name="id"/> to the in-memory test server, with handlers from <paramref name="configure"/>.</summary>
    public static Task<TestChargePoint> ConnectAsync(CsmsFactory csms, string id, Action<OcppRouter<TestChargePoint>>? configure = null, string[]? subprotocols = null, string? authorization = null) =>
        ConnectAsync((WebApplicationFactory<Program>)csms, id, configure, subprotocols, authorization);

    /// <summary>Connects <paramref name="id"/> to a host derived from a <see cref="CsmsFactory"/> (e.g. with extra services).</summary>
    public static async Task<TestChargePoint> ConnectAsync(WebApplicationFactory<Program> csms, string id, Action<OcppRouter<TestChargePoint>>? configure = null, string[]? subprotocols = null, string? authorization = null)
    {
        ArgumentNullException.ThrowIfNull(csms);
        var client = csms.Server.CreateWebSocketClient();
        if (authorization is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = authorization;
        }

        foreach (var protocol in subprotocols ?? ["ocpp1.6"])
        {
            client.SubProtocols.Add(protocol);
        }

        var socket = await client.ConnectAsync(new Uri(csms.Server.BaseAddress, "/ocpp/" + Uri.EscapeDataString(id)), CancellationToken.None);
        var router = new OcppRouter<TestChargePoint>();
        configure?.Invoke(router);
        return new TestChargePoint(id, socket, router);
    }

    /// <summary>Sends a typed CALL and returns the typed answer.</summary>
    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse => Endpoint.CallAsync(request);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await transport;
        }
        catch (OperationCanceledException)
        {
        }

        await Endpoint.DisposeAsync();
        socket.Dispose();
        stop.Dispose();
    }
}
