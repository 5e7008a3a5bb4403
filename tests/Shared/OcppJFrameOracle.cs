using System.Text;
using System.Text.Json;

namespace OcppLab.Tests.Shared;

/// <summary>What the receiving end may answer to one frame: nothing (no readable CALL id), or one of <paramref name="Answers"/>.</summary>
/// <param name="Id">The CALL id an answer must carry; null when the frame must not be answered.</param>
/// <param name="Answers">"CALLRESULT" or the CALLERROR codes that are right for it.</param>
/// <param name="Reason">Which rule decided, for the run's statistics and for a failure message.</param>
public sealed record FrameExpectation(string? Id, IReadOnlySet<string> Answers, string Reason)
{
    /// <summary>The one answer that is right for the frame, when only one is.</summary>
    public FrameExpectation Exactly(string answer) => this with { Answers = new HashSet<string>(StringComparer.Ordinal) { answer } };
}

/// <summary>
/// Decides, from the bytes alone and without the code under test, what an OCPP-J 1.6 end must answer to a
/// frame it receives (OCPP-J 1.6 §4.2.3): a frame whose message id cannot be read, or that is itself an
/// answer, gets nothing; a CALL whose framing is broken (not UTF-8 JSON, nesting deeper than 64, wrong
/// arity or element types, a message type other than 2) gets FormationViolation; an action OCPP 1.6 does
/// not have gets NotImplemented, one only the other end handles NotSupported; a CALL of an action this end
/// handles gets a CALLRESULT or a payload verdict (occurrence, type, property or formation). Fuzzers narrow
/// that last set to one code when they built the payload's fault themselves.
/// </summary>
public static class OcppJFrameOracle
{
    /// <summary>The answer name of a CALLRESULT.</summary>
    public const string CallResult = "CALLRESULT";

    /// <summary>The actions a Charge Point sends (OCPP 1.6 and its security whitepaper); DataTransfer goes both ways.</summary>
    public static readonly IReadOnlySet<string> ChargePointActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat",
        "MeterValues", "StartTransaction", "StatusNotification", "StopTransaction",
        "LogStatusNotification", "SecurityEventNotification", "SignCertificate", "SignedFirmwareStatusNotification",
    };

    /// <summary>The actions a Central System sends (OCPP 1.6 and its security whitepaper); DataTransfer goes both ways.</summary>
    public static readonly IReadOnlySet<string> CentralSystemActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "CancelReservation", "ChangeAvailability", "ChangeConfiguration", "ClearCache", "ClearChargingProfile", "DataTransfer",
        "GetCompositeSchedule", "GetConfiguration", "GetDiagnostics", "GetLocalListVersion", "RemoteStartTransaction",
        "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile", "TriggerMessage", "UnlockConnector",
        "UpdateFirmware", "CertificateSigned", "DeleteCertificate", "ExtendedTriggerMessage", "GetInstalledCertificateIds", "GetLog",
        "InstallCertificate", "SignedUpdateFirmware",
    };

    private const int MaxDepth = 64;
    private const int MaxIdLength = 36;

    private static readonly IReadOnlySet<string> PayloadVerdicts = new HashSet<string>(StringComparer.Ordinal)
    {
        CallResult, "OccurenceConstraintViolation", "TypeConstraintViolation", "PropertyConstraintViolation", "FormationViolation",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What an end that handles <paramref name="handledHere"/> must answer to <paramref name="frame"/>.</summary>
    public static FrameExpectation Expect(ReadOnlySpan<byte> frame, IReadOnlySet<string> handledHere)
    {
        ArgumentNullException.ThrowIfNull(handledHere);
        var id = AnswerableId(frame);
        if (id is null)
        {
            return new FrameExpectation(null, new HashSet<string>(), "no readable CALL id");
        }

        var formation = new FrameExpectation(id, new HashSet<string>(StringComparer.Ordinal) { "FormationViolation" }, "framing");
        JsonElement root;
        try
        {
            StrictUtf8.GetCharCount(frame);
            using var document = JsonDocument.Parse(frame.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            return formation with { Reason = "not UTF-8 JSON, or nested deeper than 64" };
        }

        if (root.GetArrayLength() != 4
            || root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var type) || type != 2 || root[0].GetRawText() != "2"
            || root[2].ValueKind != JsonValueKind.String || root[3].ValueKind != JsonValueKind.Object)
        {
            return formation with { Reason = "not a CALL of four elements: 2, id, action, payload object" };
        }

        var action = root[2].GetString()!;
        if (handledHere.Contains(action))
        {
            return new FrameExpectation(id, PayloadVerdicts, "payload of a handled action");
        }

        var known = ChargePointActions.Contains(action) || CentralSystemActions.Contains(action);
        return new FrameExpectation(
            id,
            new HashSet<string>(StringComparer.Ordinal) { known ? "NotSupported" : "NotImplemented" },
            known ? "an action only the other end handles" : "an action OCPP 1.6 does not have");
    }

    /// <summary>
    /// The message id an answer would carry, read as a receiving end reads it (OCPP-J 1.6 §4.2.3): the second
    /// element of an array, a string of 1 to 36 characters, unless the first element says the frame is a
    /// CALLRESULT (3) or CALLERROR (4), which are never answered.
    /// </summary>
    public static string? AnswerableId(ReadOnlySpan<byte> frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var type) && type is 3 or 4)
            {
                return null;
            }

            if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            var id = reader.GetString();
            return id is { Length: > 0 and <= MaxIdLength } ? id : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
