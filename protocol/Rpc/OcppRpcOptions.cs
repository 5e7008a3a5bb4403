namespace OcppLab.Protocol.Rpc;

/// <summary>Settings of an <see cref="OcppRpcEndpoint"/>.</summary>
public sealed record OcppRpcOptions
{
    /// <summary>How long an outbound CALL waits for its CALLRESULT or CALLERROR (the PICS "OCPP response timeout").</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many bad frames in a row (unreadable, or a CALL that earned a CALLERROR for its frame) the
    /// endpoint tolerates before it asks the transport to close with 1002 (protocol error). 0 means never.
    /// </summary>
    public int MaxConsecutiveBadFrames { get; init; } = 20;

    /// <summary>
    /// Strict outbound: every CALL and CALLRESULT this endpoint sends is checked against the action's 1.6 schema
    /// (the same <see cref="Validation.PayloadSchema"/> that judges what is received) before it is written. A CALL
    /// that breaks it throws <see cref="OcppOutboundSchemaException"/> and is not sent; a CALLRESULT that breaks it is
    /// replaced by an InternalError CALLERROR and reported to <see cref="IOcppCallDispatcher.ReportFailure"/>. On by
    /// default; turn it off only to send deliberately bad frames (a lab testing the other side's error handling).
    /// </summary>
    public bool ValidateOutgoing { get; init; } = true;

    /// <summary>The largest frame accepted, in bytes; a larger one closes the connection with 1009 (message too big).</summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>How many outgoing frames may wait in the send queue before senders wait.</summary>
    public int SendQueueCapacity { get; init; } = 256;

    /// <summary>
    /// Let the thread that queues a frame also run the transport's send loop when it is waiting for one
    /// (the send queue's continuations run synchronously), so an answer goes to the socket without a
    /// thread-pool hop. For a transport whose send loop only writes to the socket (<see cref="WebSocketTransport"/>).
    /// </summary>
    public bool SendInline { get; init; }
}
