using OcppLab.Protocol.Framing;

namespace OcppLab.Protocol.Rpc;

/// <summary>Whether a frame was received or sent.</summary>
public enum FrameDirection
{
    /// <summary>Received from the peer.</summary>
    In,

    /// <summary>Sent to the peer.</summary>
    Out,
}

/// <summary>
/// One frame that crossed an endpoint, for logs, event streams and timing. For a response,
/// <see cref="Action"/> is the action of the CALL it answers and <see cref="RoundTrip"/> the time since that CALL.
/// </summary>
/// <param name="Identity">The charge point identity of the connection.</param>
/// <param name="Direction">In or out.</param>
/// <param name="TypeId">CALL, CALLRESULT or CALLERROR; null for a frame that could not be read.</param>
/// <param name="MessageId">The message id, when known.</param>
/// <param name="Action">The action, when known.</param>
/// <param name="Frame">The UTF-8 frame as it crossed the wire.</param>
/// <param name="Timestamp">When it crossed, by the endpoint's clock.</param>
/// <param name="RoundTrip">For a response: the time since its CALL.</param>
/// <param name="Fault">For a frame that failed the staged checks: why.</param>
public sealed record FrameEvent(
    string Identity,
    FrameDirection Direction,
    MessageTypeId? TypeId,
    string? MessageId,
    string? Action,
    ReadOnlyMemory<byte> Frame,
    DateTimeOffset Timestamp,
    TimeSpan? RoundTrip,
    FrameFault? Fault = null);

/// <summary>Told of every frame an endpoint receives or sends.</summary>
public interface IFrameObserver
{
    /// <summary>Called once per frame, on the endpoint's receive or send path: keep it cheap.</summary>
    void OnFrame(FrameEvent frame);
}
