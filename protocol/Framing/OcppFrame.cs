using System.Text.Json;

namespace OcppLab.Protocol.Framing;

/// <summary>The message type number that opens every OCPP-J frame (OCPP-J 1.6 §4.1.3).</summary>
public enum MessageTypeId
{
    /// <summary>A request: <c>[2, id, action, payload]</c>.</summary>
    Call = 2,

    /// <summary>A successful response: <c>[3, id, payload]</c>.</summary>
    CallResult = 3,

    /// <summary>An error response: <c>[4, id, errorCode, errorDescription, errorDetails]</c>.</summary>
    CallError = 4,
}

/// <summary>
/// One OCPP-J frame. The set is closed: <see cref="Call"/>, <see cref="CallResult"/> and
/// <see cref="CallError"/> are the only kinds.
/// </summary>
public abstract record OcppFrame
{
    private protected OcppFrame(string messageId) => MessageId = messageId;

    /// <summary>The unique message id (at most 36 characters) that pairs a response with its request.</summary>
    public string MessageId { get; }

    /// <summary>The frame's message type number.</summary>
    public abstract MessageTypeId TypeId { get; }
}

/// <summary>A request frame, <c>[2, MessageId, Action, Payload]</c>.</summary>
public sealed record Call : OcppFrame
{
    /// <summary>Creates a CALL frame.</summary>
    public Call(string messageId, string action, JsonElement payload) : base(messageId)
    {
        Action = action;
        Payload = payload;
    }

    /// <summary>The OCPP action name, e.g. <c>BootNotification</c>.</summary>
    public string Action { get; }

    /// <summary>The request payload as received; always a JSON object once parsed.</summary>
    public JsonElement Payload { get; }

    /// <inheritdoc/>
    public override MessageTypeId TypeId => MessageTypeId.Call;
}

/// <summary>A response frame, <c>[3, MessageId, Payload]</c>.</summary>
public sealed record CallResult : OcppFrame
{
    /// <summary>Creates a CALLRESULT frame.</summary>
    public CallResult(string messageId, JsonElement payload) : base(messageId) => Payload = payload;

    /// <summary>The response payload as received; always a JSON object once parsed.</summary>
    public JsonElement Payload { get; }

    /// <inheritdoc/>
    public override MessageTypeId TypeId => MessageTypeId.CallResult;
}

/// <summary>An error frame, <c>[4, MessageId, ErrorCode, ErrorDescription, ErrorDetails]</c>.</summary>
public sealed record CallError : OcppFrame
{
    /// <summary>Creates a CALLERROR frame.</summary>
    public CallError(string messageId, OcppErrorCode code, string description, JsonElement? details = null, string? wireCode = null)
        : base(messageId)
    {
        Code = code;
        Description = description;
        Details = details;
        WireCode = wireCode ?? code.ToWire();
    }

    /// <summary>The error code, read leniently (an unknown code reads as <see cref="OcppErrorCode.GenericError"/>).</summary>
    public OcppErrorCode Code { get; }

    /// <summary>The error code exactly as it stood on the wire.</summary>
    public string WireCode { get; }

    /// <summary>The error description (may be empty).</summary>
    public string Description { get; }

    /// <summary>The error details object, if the peer sent one that is not empty.</summary>
    public JsonElement? Details { get; }

    /// <inheritdoc/>
    public override MessageTypeId TypeId => MessageTypeId.CallError;
}
