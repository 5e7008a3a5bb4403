using System.Buffers;
using System.Net.WebSockets;

namespace OcppLab.Protocol.Rpc;

/// <summary>
/// Carries an <see cref="OcppRpcEndpoint"/> over a <see cref="WebSocket"/>: one receive loop that
/// reassembles text messages and feeds the endpoint, and one send loop, the single reader of the
/// endpoint's send queue (a WebSocket allows one send at a time).
/// </summary>
public static class WebSocketTransport
{
    // A frame is read into a buffer that starts small and doubles until the frame fits, so an idle station
    // holds 256 bytes, not 4 KiB (most OCPP frames are a few hundred bytes; a station that sends larger
    // ones keeps the larger buffer, up to KeptBufferBytes).
    private const int InitialBufferBytes = 256;
    private const int KeptBufferBytes = 16 * 1024;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs until the peer closes, the socket fails, the endpoint asks to close, or
    /// <paramref name="cancellationToken"/> fires. Closes the endpoint before returning.
    /// </summary>
    /// <returns>Why the connection ended.</returns>
    public static async Task<TransportEnd> RunAsync(WebSocket socket, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(endpoint);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receive = ReceiveLoopAsync(socket, endpoint, stop.Token);
        var send = SendLoopAsync(socket, endpoint, stop.Token);
        var first = await Task.WhenAny(receive, send, endpoint.CloseRequested);

        TransportEnd end;
        if (first == receive)
        {
            end = await receive;
        }
        else if (cancellationToken.IsCancellationRequested)
        {
            end = new TransportEnd(TransportEndReason.Cancelled, null, null);
        }
        else if (first == send && !endpoint.CloseRequested.IsCompleted)
        {
            end = new TransportEnd(TransportEndReason.Faulted, null, send.Exception?.GetBaseException().Message ?? "send loop ended");
        }
        else
        {
            var request = await endpoint.CloseRequested;
            end = new TransportEnd(TransportEndReason.EndpointClosed, request.Status, request.Reason);
        }

        // Stop handling frames first: whatever arrives during the close handshake is not acted on.
        endpoint.Close();
        switch (end.Reason)
        {
            case TransportEndReason.PeerClosed:
                await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "closed");
                break;
            case TransportEndReason.EndpointClosed:
                // What the endpoint queued before it asked to close (an answer such as a Reset.conf, the CALLERROR
                // before a 1002) is written before the close frame: the send loop ends once the queue is drained.
                await DrainAsync(send, CloseHandshakeTimeout);
                var status = end.CloseStatus ?? (endpoint.CloseRequested.IsCompletedSuccessfully ? endpoint.CloseRequested.Result.Status : 1000);
                await CloseQuietlyAsync(socket, (WebSocketCloseStatus)status, end.Description ?? "closed");

                // RFC 6455 §7.1.1: wait (briefly) for the peer's close frame, so that it reads ours before the socket goes.
                await AwaitPeerCloseAsync(socket, receive, CloseHandshakeTimeout);
                break;
        }

        await stop.CancelAsync();
        await Task.WhenAll(Quietly(receive), Quietly(send));
        return end;
    }

    private static async Task DrainAsync(Task send, TimeSpan timeout)
    {
        try
        {
            await send.WaitAsync(timeout);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
        }
    }

    private static async Task AwaitPeerCloseAsync(WebSocket socket, Task<TransportEnd> receive, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            if (!receive.IsCompleted)
            {
                await receive.WaitAsync(deadline.Token);
                return;
            }

            var scratch = new byte[256];
            while (socket.State is WebSocketState.CloseSent or WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(scratch.AsMemory(), deadline.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task<TransportEnd> ReceiveLoopAsync(WebSocket socket, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        var max = endpoint.Options.MaxFrameBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                var oversize = false;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length > max)
                        {
                            oversize = true;
                            length = 0;
                        }
                        else
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 1));
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return new TransportEnd(TransportEndReason.PeerClosed, (int?)socket.CloseStatus, socket.CloseStatusDescription);
                    }

                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (oversize || length > max)
                {
                    endpoint.ReceiveOversize(Math.Max(length, max + 1));
                    return new TransportEnd(TransportEndReason.EndpointClosed, 1009, "message too big");
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    endpoint.ReceiveNonText(buffer.AsSpan(0, length));
                }
                else
                {
                    endpoint.Receive(buffer.AsSpan(0, length));
                }

                if (buffer.Length > KeptBufferBytes)
                {
                    // Give a large buffer back after a large frame: idle connections stay small.
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
                }
            }

            return new TransportEnd(TransportEndReason.Cancelled, null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new TransportEnd(TransportEndReason.Cancelled, null, null);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Not our cancellation: the socket was aborted or reset under us (a server that drops the connection
            // right after its close frame, a killed peer). That is a failed socket, not a stop.
            return new TransportEnd(TransportEndReason.Faulted, null, e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task SendLoopAsync(WebSocket socket, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        // The wait takes no token: a cancellable wait costs an allocation per frame (kept alive by the
        // long-lived channel until the next garbage collection), and the loop ends anyway when the endpoint
        // completes its send queue, which RunAsync does (endpoint.Close) before it waits for this loop.
        // With SendInline the loop resumes on the thread that queued the frame, which may run under a synchronization
        // context (a charge point's scheduler): its awaits must not capture it, or the loop would be posted there from
        // then on and stall whenever that context does.
        var outbound = endpoint.Outbound;
        try
        {
            while (await outbound.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (outbound.TryRead(out var frame))
                {
                    await socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
            endpoint.Close();
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(status, description, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }
}

/// <summary>Why a transport stopped.</summary>
public enum TransportEndReason
{
    /// <summary>The peer sent a close frame.</summary>
    PeerClosed,

    /// <summary>The endpoint asked to close (bad frames, oversize frame, or a local close).</summary>
    EndpointClosed,

    /// <summary>The socket failed (reset, aborted).</summary>
    Faulted,

    /// <summary>The host stopped it.</summary>
    Cancelled,
}

/// <summary>How a transport ended.</summary>
/// <param name="Reason">Why.</param>
/// <param name="CloseStatus">The WebSocket close status, when there was one.</param>
/// <param name="Description">A description, when there was one.</param>
public sealed record TransportEnd(TransportEndReason Reason, int? CloseStatus, string? Description);
