using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>
/// A station below the WebSocket library: it completes the upgrade by hand and then writes frames and
/// reads only when told to. A library socket answers pings by itself; this one answers nothing, which
/// is what a hung station or a half-open TCP connection looks like to the Central System.
/// </summary>
internal sealed class RawTcpStation : IDisposable
{
    private readonly TcpClient client;
    private readonly NetworkStream stream;

    private RawTcpStation(TcpClient client)
    {
        this.client = client;
        stream = client.GetStream();
    }

    /// <summary>Connects to <paramref name="ocppBase"/> as <paramref name="id"/> and completes the upgrade; reads nothing after it.</summary>
    /// <param name="receiveBuffer">The socket's receive buffer: small, so that unread answers back up to the server soon.</param>
    public static async Task<RawTcpStation> ConnectAsync(Uri ocppBase, string id, int? receiveBuffer = null)
    {
        var client = new TcpClient();
        if (receiveBuffer is { } size)
        {
            client.ReceiveBufferSize = size;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(ocppBase.Host, ocppBase.Port, timeout.Token);
        var station = new RawTcpStation(client);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {ocppBase.AbsolutePath}{id} HTTP/1.1\r\nHost: {ocppBase.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n";
        await station.stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);

        // Read the response head byte by byte, so that not one byte after it is consumed.
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await station.stream.ReadAsync(one, timeout.Token) == 0)
            {
                throw new IOException($"The connection closed during the upgrade: {head}");
            }

            head.Append((char)one[0]);
        }

        if (!head.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new IOException($"The upgrade was refused: {head}");
        }

        return station;
    }

    /// <summary>Writes one masked text frame (RFC 6455 §5.2: a client masks every frame).</summary>
    public async Task SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var header = new List<byte> { 0x81 };
        if (payload.Length < 126)
        {
            header.Add((byte)(0x80 | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add(0x80 | 126);
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)payload.Length);
            header.AddRange(length);
        }
        else
        {
            header.Add(0x80 | 127);
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            header.AddRange(length);
        }

        var mask = RandomNumberGenerator.GetBytes(4);
        header.AddRange(mask);
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= mask[i % 4];
        }

        byte[] frame = [.. header, .. payload];
        await stream.WriteAsync(frame, cancellationToken);
    }

    public void Dispose()
    {
        stream.Dispose();
        client.Dispose();
    }
}
