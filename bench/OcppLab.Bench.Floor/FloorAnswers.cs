using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace OcppLab.Bench.Floor;

/// <summary>
/// The least a server can do per OCPP-J CALL (OCPP-J 1.6 §4.2.1): read the frame far enough to find the
/// UniqueId and Action, and send a fixed CALLRESULT for the Core messages the load generator sends. No
/// schema check, no routing table, no state, no observers. What our Central System costs above this is
/// its OCPP work; what this costs is the runtime, Kestrel and the kernel.
/// </summary>
internal static class FloorAnswers
{
    public const string SubProtocol = "ocpp1.6";

    private static readonly byte[] AuthorizeAnswer = """{"idTagInfo":{"status":"Accepted"}}"""u8.ToArray();
    private static readonly byte[] EmptyAnswer = "{}"u8.ToArray();
    private static long transactionIds;

    public static async Task ServeAsync(WebSocket socket, int heartbeatInterval, FloorStats stats, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var answer = new ArrayBufferWriter<byte>(256);
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                length += result.Count;
            }
            while (!result.EndOfMessage);

            answer.ResetWrittenCount();
            if (!TryAnswer(buffer.AsSpan(0, length), heartbeatInterval, answer))
            {
                continue;
            }

            stats.Answered();
            try
            {
                await socket.SendAsync(answer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Writes the answer to a CALL; false for anything that is not a CALL (answers and errors are dropped).</summary>
    private static bool TryAnswer(ReadOnlySpan<byte> frame, int heartbeatInterval, ArrayBufferWriter<byte> answer)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
            || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var type) || type != 2
            || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
            || reader.ValueSpan.Length is 0 or > 36)
        {
            return false;
        }

        var uniqueId = reader.ValueSpan;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var action = reader.ValueSpan;
        Write(answer, "[3,\""u8);
        Write(answer, uniqueId);
        Write(answer, "\","u8);
        if (action.SequenceEqual("StatusNotification"u8) || action.SequenceEqual("MeterValues"u8) || action.SequenceEqual("StopTransaction"u8))
        {
            Write(answer, EmptyAnswer);
        }
        else if (action.SequenceEqual("Authorize"u8))
        {
            Write(answer, AuthorizeAnswer);
        }
        else if (action.SequenceEqual("BootNotification"u8))
        {
            Write(answer, "{\"status\":\"Accepted\",\"currentTime\":\""u8);
            WriteNow(answer);
            Write(answer, "\",\"interval\":"u8);
            heartbeatInterval.TryFormat(answer.GetSpan(11), out var digits, default, CultureInfo.InvariantCulture);
            answer.Advance(digits);
            Write(answer, "}"u8);
        }
        else if (action.SequenceEqual("StartTransaction"u8))
        {
            // A fleet's sessions need a transactionId (OCPP 1.6 §6.46); one counter for the process keeps them unique.
            Write(answer, "{\"transactionId\":"u8);
            Interlocked.Increment(ref transactionIds).TryFormat(answer.GetSpan(20), out var id, default, CultureInfo.InvariantCulture);
            answer.Advance(id);
            Write(answer, ",\"idTagInfo\":{\"status\":\"Accepted\"}}"u8);
        }
        else if (action.SequenceEqual("Heartbeat"u8))
        {
            Write(answer, "{\"currentTime\":\""u8);
            WriteNow(answer);
            Write(answer, "\"}"u8);
        }
        else
        {
            // Not one the generator sends: a CALLERROR (OCPP-J 1.6 §4.2.3) instead of a made-up answer.
            answer.ResetWrittenCount();
            Write(answer, "[4,\""u8);
            Write(answer, uniqueId);
            Write(answer, "\",\"NotImplemented\",\"\",{}]"u8);
            return true;
        }

        Write(answer, "]"u8);
        return true;
    }

    private static void WriteNow(ArrayBufferWriter<byte> answer)
    {
        var span = answer.GetSpan(40);
        DateTimeOffset.UtcNow.TryFormat(span, out var written, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        answer.Advance(written);
    }

    private static void Write(ArrayBufferWriter<byte> answer, ReadOnlySpan<byte> bytes) => answer.Write(bytes);
}
