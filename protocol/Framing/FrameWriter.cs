using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OcppLab.Protocol.Framing;

/// <summary>Writes OCPP-J frames as UTF-8 JSON with <see cref="Utf8JsonWriter"/>; no string building.</summary>
public static class FrameWriter
{
    // Frames are not HTML: escape only what JSON requires, so text reads as the peer wrote it ("\"" not "\u0022").
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A thread keeps its buffer only while it stays this small: one large frame does not pin a large array.
    private const int MaxCachedBufferBytes = 16 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? cachedBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? cachedWriter;

    /// <summary>Writes <c>[2, id, action, payload]</c>.</summary>
    public static byte[] Call<T>(string messageId, string action, T payload, JsonTypeInfo<T> typeInfo) =>
        Write(messageId, MessageTypeId.Call, (w, s) =>
        {
            w.WriteStringValue(s.action);
            JsonSerializer.Serialize(w, s.payload, s.typeInfo);
        }, (action, payload, typeInfo));

    /// <summary>Writes <c>[2, id, action, payload]</c> for a payload known only by its metadata.</summary>
    public static byte[] Call(string messageId, string action, object payload, JsonTypeInfo typeInfo) =>
        Write(messageId, MessageTypeId.Call, (w, s) =>
        {
            w.WriteStringValue(s.action);
            JsonSerializer.Serialize(w, s.payload, s.typeInfo);
        }, (action, payload, typeInfo));

    /// <summary>Writes <c>[2, id, action, payload]</c> with a payload taken as it is.</summary>
    public static byte[] Call(string messageId, string action, JsonElement payload) =>
        Write(messageId, MessageTypeId.Call, (w, s) =>
        {
            w.WriteStringValue(s.action);
            s.payload.WriteTo(w);
        }, (action, payload));

    /// <summary>Writes <c>[3, id, payload]</c>.</summary>
    public static byte[] CallResult<T>(string messageId, T payload, JsonTypeInfo<T> typeInfo) =>
        Write(messageId, MessageTypeId.CallResult, (w, s) => JsonSerializer.Serialize(w, s.payload, s.typeInfo), (payload, typeInfo));

    /// <summary>Writes <c>[3, id, payload]</c> with a payload taken as it is.</summary>
    public static byte[] CallResult(string messageId, JsonElement payload) =>
        Write(messageId, MessageTypeId.CallResult, (w, p) => p.WriteTo(w), payload);

    /// <summary>Writes <c>[4, id, code, description, details]</c>; details default to <c>{}</c>.</summary>
    public static byte[] CallError(string messageId, OcppErrorCode code, string description, JsonElement? details = null) =>
        Write(messageId, MessageTypeId.CallError, (w, s) =>
        {
            w.WriteStringValue(s.code.ToWire());
            w.WriteStringValue(s.description);
            if (s.details is { ValueKind: JsonValueKind.Object } d)
            {
                d.WriteTo(w);
            }
            else
            {
                w.WriteStartObject();
                w.WriteEndObject();
            }
        }, (code, description, details));

    /// <summary>Writes any frame that was read, unchanged in meaning.</summary>
    public static byte[] Write(OcppFrame frame) => frame switch
    {
        Framing.Call c => Call(c.MessageId, c.Action, c.Payload),
        Framing.CallResult r => CallResult(r.MessageId, r.Payload),
        Framing.CallError e => CallError(e.MessageId, e.Code, e.Description, e.Details),
        _ => throw new ArgumentException("Unknown frame kind.", nameof(frame)),
    };

    private static byte[] Write<TState>(string messageId, MessageTypeId type, Action<Utf8JsonWriter, TState> body, TState state)
    {
        // One buffer and one writer per thread, taken while in use (so a nested write gets its own): a frame
        // costs one array, the result, instead of a buffer, a writer and a copy.
        var buffer = cachedBuffer ?? new ArrayBufferWriter<byte>(256);
        var writer = cachedWriter;
        cachedBuffer = null;
        cachedWriter = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            writer.WriteStartArray();
            writer.WriteNumberValue((int)type);
            writer.WriteStringValue(messageId);
            body(writer, state);
            writer.WriteEndArray();
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= MaxCachedBufferBytes)
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                cachedBuffer = buffer;
                cachedWriter = writer;
            }
        }
    }
}
