namespace OcppLab.Protocol.Framing;

/// <summary>The stage of the staged frame check at which a received frame failed.</summary>
public enum FrameFaultStage
{
    /// <summary>The bytes are not a JSON text (or not UTF-8).</summary>
    NotJson,

    /// <summary>The JSON text is not an array.</summary>
    NotArray,

    /// <summary>The first element is not 2, 3 or 4.</summary>
    UnknownMessageType,

    /// <summary>The second element is not a string of at most 36 characters.</summary>
    BadMessageId,

    /// <summary>The elements after the message id do not have the shape of the frame's type.</summary>
    BadShape,
}

/// <summary>
/// Why a received frame could not be read, and what to answer. A CALLERROR can only be sent when
/// <see cref="MessageId"/> was recovered and the frame was (or claimed to be) a CALL; everything else
/// is dropped and counted (OCPP-J 1.6 §4.2.3 defines CALLERROR only as an answer to a CALL).
/// </summary>
/// <param name="Stage">The check that failed.</param>
/// <param name="Code">The CALLERROR code that fits the failure.</param>
/// <param name="Description">A specific, human-readable reason.</param>
/// <param name="MessageId">The message id, when it could be read before the failure.</param>
/// <param name="TypeId">The message type number, when it could be read.</param>
public sealed record FrameFault(
    FrameFaultStage Stage,
    OcppErrorCode Code,
    string Description,
    string? MessageId,
    int? TypeId)
{
    /// <summary>Whether the peer is owed a CALLERROR for this frame.</summary>
    public bool WarrantsCallError => MessageId is not null && TypeId is not ((int)MessageTypeId.CallResult or (int)MessageTypeId.CallError);
}
