using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;

namespace OcppLab.ChargePoint.Transport;

/// <summary>
/// Opens a client WebSocket on a TCP connection (ws://) or on TLS over one (wss://, Security Whitepaper
/// profiles 2 and 3), with the opening handshake of RFC 6455 §4.1 done here, then hands the stream to
/// <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>.
/// Why not <see cref="ClientWebSocket"/>: it keeps the HTTP connection it upgraded, with a 4 KiB read and
/// a 4 KiB write buffer, for the life of the socket, and over TLS an HTTP handler per connection (its
/// TLS options are the handler's, and a profile 3 charge point presents a certificate of its own); a
/// fleet of thousands of idle charge points pays for buffers it never uses again (bench/RESULTS.md).
/// Here the socket, the TLS stream and the WebSocket are all that stay.
/// </summary>
public static class WebSocketUpgrade
{
    /// <summary>The largest response head accepted; a server that sends more is not upgrading.</summary>
    public const int MaxResponseHeadBytes = 8 * 1024;

    // RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key before hashing into Sec-WebSocket-Accept.
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>
    /// Connects to <paramref name="uri"/> (ws:// or wss://), asks for <paramref name="subProtocol"/>, sends
    /// <paramref name="authorization"/> as the Authorization header when given, and returns the open socket.
    /// On wss:// the TLS handshake uses <paramref name="tls"/> (server check, client certificate, versions;
    /// the target host is the URL's), or the platform's defaults when null.
    /// A refused upgrade throws a <see cref="WebSocketException"/> with <see cref="WebSocketError.NotAWebSocket"/>
    /// naming the status the server returned; a failed TCP connect or TLS handshake throws one with
    /// <see cref="WebSocketError.Faulted"/> with the cause inside, as <see cref="ClientWebSocket"/> does.
    /// </summary>
    public static async Task<WebSocket> ConnectAsync(Uri uri, string subProtocol, string? authorization, TimeSpan keepAliveInterval, SslClientAuthenticationOptions? tls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"'{uri}' is not a ws:// or wss:// URL.", nameof(uri));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            try
            {
                await socket.ConnectAsync(new DnsEndPoint(uri.IdnHost, uri.Port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"Unable to connect to {uri.Authority}: {e.Message}", e);
            }

            stream = new NetworkStream(socket, ownsSocket: true);
            if (uri.Scheme == "wss")
            {
                stream = await AuthenticateAsync(stream, uri, tls, cancellationToken).ConfigureAwait(false);
            }

            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            await stream.WriteAsync(Request(uri, key, subProtocol, authorization), cancellationToken).ConfigureAwait(false);
            var (head, leftover) = await ReadResponseHeadAsync(stream, cancellationToken).ConfigureAwait(false);
            var negotiated = CheckResponse(head, key, subProtocol);
            if (leftover.Length > 0)
            {
                // The server may send its first frame in the same segment as the 101 answer.
                stream = new PrefixedStream(leftover, stream);
            }

            return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
            {
                IsServer = false,
                SubProtocol = negotiated,
                KeepAliveInterval = keepAliveInterval,
            });
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>The TLS handshake over <paramref name="network"/>; the returned stream owns it.</summary>
    private static async Task<Stream> AuthenticateAsync(Stream network, Uri uri, SslClientAuthenticationOptions? tls, CancellationToken cancellationToken)
    {
        var options = tls ?? new SslClientAuthenticationOptions();
        options.TargetHost ??= uri.IdnHost;
        var secure = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await secure.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return secure;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await secure.DisposeAsync().ConfigureAwait(false);
            throw new WebSocketException(WebSocketError.Faulted, $"The TLS handshake with {uri.Authority} failed: {e.Message}", e);
        }
        catch
        {
            await secure.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The opening handshake's request (RFC 6455 §4.1): GET with Upgrade, the key, version 13 and the subprotocol.</summary>
    internal static byte[] Request(Uri uri, string key, string subProtocol, string? authorization)
    {
        var request = new StringBuilder(256)
            .Append("GET ").Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(uri.Authority).Append("\r\n")
            .Append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n")
            .Append("Sec-WebSocket-Version: 13\r\n")
            .Append("Sec-WebSocket-Protocol: ").Append(subProtocol).Append("\r\n");
        if (authorization is not null)
        {
            request.Append("Authorization: ").Append(authorization).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(request.Append("\r\n").ToString());
    }

    /// <summary>
    /// Checks the server's answer (RFC 6455 §4.1, the client's checks 1 to 6) and returns the subprotocol it
    /// chose, or null when it chose none.
    /// </summary>
    internal static string? CheckResponse(string head, string key, string subProtocol)
    {
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(status[1], out var code))
        {
            throw new WebSocketException(WebSocketError.HeaderError, $"The server's answer does not start with an HTTP status line: '{Truncate(lines[0])}'.");
        }

        if (code != (int)HttpStatusCode.SwitchingProtocols)
        {
            throw new WebSocketException(WebSocketError.NotAWebSocket, $"The server returned status code '{code}' when status code '101' was expected.");
        }

        string? upgrade = null, connection = null, accept = null, protocol = null;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                upgrade = value;
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                connection = value;
            }
            else if (name.Equals("Sec-WebSocket-Accept", StringComparison.OrdinalIgnoreCase))
            {
                accept = value;
            }
            else if (name.Equals("Sec-WebSocket-Protocol", StringComparison.OrdinalIgnoreCase))
            {
                protocol = value;
            }
        }

        if (!string.Equals(upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
            || connection is null
            || !connection.Split(',').Any(token => token.Trim().Equals("Upgrade", StringComparison.OrdinalIgnoreCase)))
        {
            throw new WebSocketException(WebSocketError.HeaderError, $"The server answered 101 without 'Upgrade: websocket' and 'Connection: Upgrade' (Upgrade '{upgrade}', Connection '{connection}').");
        }

        // RFC 6455 §4.2.2 fixes SHA-1 here; it proves the server read the key, it protects nothing.
#pragma warning disable CA5350
        var expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350
        if (accept != expected)
        {
            throw new WebSocketException(WebSocketError.HeaderError, $"The server's Sec-WebSocket-Accept '{accept}' does not match the key sent (expected '{expected}').");
        }

        // RFC 6455 §4.1 check 6: a subprotocol the client did not ask for fails the connection. None at all is
        // the server's choice; OCPP-J 1.6 §3.1.2 leaves the charge point to decide, as ClientWebSocket does.
        if (protocol is not null && protocol != subProtocol)
        {
            throw new WebSocketException(WebSocketError.UnsupportedProtocol, $"The server chose the subprotocol '{protocol}', which was not requested ('{subProtocol}').");
        }

        return protocol;
    }

    /// <summary>Reads up to the blank line that ends the response head; returns the head and any bytes read past it.</summary>
    private static async Task<(string Head, byte[] Leftover)> ReadResponseHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxResponseHeadBytes)
                    {
                        throw new WebSocketException(WebSocketError.HeaderError, $"The server's answer head is longer than {MaxResponseHeadBytes} bytes.");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the connection during the opening handshake.");
                }

                var searchFrom = Math.Max(0, length - 3);
                length += read;
                var end = buffer.AsSpan(searchFrom, length - searchFrom).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    var headLength = searchFrom + end;
                    var head = Encoding.ASCII.GetString(buffer, 0, headLength);
                    var leftover = buffer.AsSpan(headLength + 4, length - headLength - 4).ToArray();
                    return (head, leftover);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
