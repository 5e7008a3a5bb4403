using System.Text.Json;

namespace OcppLab.Protocol.Framing;

/// <summary>
/// Reads one OCPP-J frame in staged checks: valid JSON → array → known message type → string id of
/// at most 36 characters → the shape of that type. Each stage that fails says why, and keeps the
/// message id whenever the bytes got that far, so a CALLERROR can still be addressed.
/// </summary>
public static class FrameReader
{
    /// <summary>OCPP-J 1.6 §4.1.4: the message id is at most 36 characters.</summary>
    public const int MaxMessageIdLength = 36;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Reads <paramref name="utf8"/> as one frame.</summary>
    /// <returns><see langword="true"/> and the frame, or <see langword="false"/> and the fault.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out OcppFrame? frame, out FrameFault? fault)
    {
        frame = null;
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: new JsonReaderState(ReaderOptions));
        int? typeId = null;
        string? messageId = null;
        try
        {
            if (!reader.Read())
            {
                fault = new FrameFault(FrameFaultStage.NotJson, OcppErrorCode.FormationViolation, "The frame is empty.", null, null);
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                fault = new FrameFault(FrameFaultStage.NotArray, OcppErrorCode.FormationViolation, $"A frame is a JSON array; this one starts with {reader.TokenType}.", null, null);
                return false;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var rawType))
            {
                fault = new FrameFault(FrameFaultStage.UnknownMessageType, OcppErrorCode.FormationViolation, "The first element of a frame is the message type number 2, 3 or 4.", TryRecoverId(ref reader), null);
                return false;
            }

            typeId = rawType;
            if (rawType is < 2 or > 4)
            {
                fault = new FrameFault(FrameFaultStage.UnknownMessageType, OcppErrorCode.FormationViolation, $"Message type {rawType} is not one of 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR).", TryRecoverId(ref reader), rawType);
                return false;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                fault = new FrameFault(FrameFaultStage.BadMessageId, OcppErrorCode.FormationViolation, "The second element of a frame is the message id, a string.", null, rawType);
                return false;
            }

            var id = reader.GetString()!;
            if (id.Length is 0 or > MaxMessageIdLength)
            {
                // Not kept: an answer carrying this id would itself break OCPP-J 1.6 §4.1.4.
                fault = new FrameFault(FrameFaultStage.BadMessageId, OcppErrorCode.FormationViolation, $"The message id has {id.Length} characters; it must have 1 to {MaxMessageIdLength}.", null, rawType);
                return false;
            }

            messageId = id;

            frame = (MessageTypeId)rawType switch
            {
                MessageTypeId.Call => ReadCall(ref reader, messageId),
                MessageTypeId.CallResult => ReadCallResult(ref reader, messageId),
                _ => ReadCallError(ref reader, messageId),
            };
            ExpectEnd(ref reader);

            // The reader checks UTF-8 only in the strings it decodes; the payload's strings are decoded later.
            if (!System.Text.Unicode.Utf8.IsValid(utf8))
            {
                throw new FrameShapeException("The frame is not valid UTF-8.");
            }

            fault = null;
            return true;
        }
        catch (FrameShapeException e)
        {
            frame = null;
            fault = new FrameFault(FrameFaultStage.BadShape, OcppErrorCode.FormationViolation, e.Message, messageId, typeId);
            return false;
        }
        catch (JsonException e)
        {
            frame = null;
            var stage = messageId is null && typeId is null ? FrameFaultStage.NotJson : FrameFaultStage.BadShape;
            fault = new FrameFault(stage, OcppErrorCode.FormationViolation, $"The frame is not valid JSON: {e.Message}", messageId, typeId);
            return false;
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader throws this for strings that are not valid UTF-8 when they are decoded.
            frame = null;
            fault = new FrameFault(messageId is null ? FrameFaultStage.NotJson : FrameFaultStage.BadShape, OcppErrorCode.FormationViolation, $"The frame is not valid UTF-8 JSON: {e.Message}", messageId, typeId);
            return false;
        }
    }

    private static Call ReadCall(ref Utf8JsonReader reader, string messageId)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new FrameShapeException("The third element of a CALL is the action name, a string.");
        }

        var action = reader.GetString()!;
        if (action.Length == 0)
        {
            throw new FrameShapeException("The action name of a CALL is empty.");
        }

        var payload = ReadObject(ref reader, "The fourth element of a CALL is the payload, a JSON object.");
        return new Call(messageId, action, payload);
    }

    private static CallResult ReadCallResult(ref Utf8JsonReader reader, string messageId) =>
        new(messageId, ReadObject(ref reader, "The third element of a CALLRESULT is the payload, a JSON object."));

    private static CallError ReadCallError(ref Utf8JsonReader reader, string messageId)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new FrameShapeException("The third element of a CALLERROR is the error code, a string.");
        }

        var wireCode = reader.GetString()!;
        _ = OcppErrorCodes.TryParse(wireCode, out var code);
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new FrameShapeException("The fourth element of a CALLERROR is the error description, a string.");
        }

        var description = reader.GetString()!;
        var details = ReadObject(ref reader, "The fifth element of a CALLERROR is the error details, a JSON object.");
        return new CallError(messageId, code, description, details.EnumerateObject().Any() ? details : null, wireCode);
    }

    private static JsonElement ReadObject(ref Utf8JsonReader reader, string expectation)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FrameShapeException(expectation);
        }

        return JsonElement.ParseValue(ref reader);
    }

    private static void ExpectEnd(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new FrameShapeException("The frame has more elements than its message type allows.");
        }

        if (reader.Read())
        {
            throw new FrameShapeException("There is content after the frame's closing bracket.");
        }
    }

    /// <summary>After a bad message type, the id may still be readable; it lets the fault be addressed.</summary>
    private static string? TryRecoverId(ref Utf8JsonReader reader)
    {
        try
        {
            if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var id = reader.GetString();
                return id is { Length: > 0 and <= MaxMessageIdLength } ? id : null;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return null;
    }

    private sealed class FrameShapeException(string message) : Exception(message);
}
