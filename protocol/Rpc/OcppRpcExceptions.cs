using System.Text.Json;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Rpc;

/// <summary>
/// A CALLERROR: thrown by <see cref="OcppRpcEndpoint.CallAsync{TResponse}"/> when the peer answers with one,
/// and thrown by a handler to answer a CALL with a specific error code instead of a response.
/// </summary>
public sealed class OcppCallErrorException : Exception
{
    /// <summary>Creates the exception for <paramref name="code"/>.</summary>
    public OcppCallErrorException(OcppErrorCode code, string description, JsonElement? details = null, string? wireCode = null)
        : base($"{wireCode ?? code.ToWire()}: {description}")
    {
        Code = code;
        Description = description;
        Details = details;
        WireCode = wireCode ?? code.ToWire();
    }

    /// <summary>The error code.</summary>
    public OcppErrorCode Code { get; }

    /// <summary>The error code exactly as the peer wrote it.</summary>
    public string WireCode { get; }

    /// <summary>The error description.</summary>
    public string Description { get; }

    /// <summary>The error details, if any.</summary>
    public JsonElement? Details { get; }

    /// <summary>Creates the exception from a received CALLERROR frame.</summary>
    public static OcppCallErrorException From(CallError error) =>
        new(error.Code, error.Description, error.Details, error.WireCode);
}

/// <summary>The peer did not answer a CALL within the call timeout.</summary>
/// <param name="action">The action that was called.</param>
/// <param name="timeout">How long the endpoint waited.</param>
public sealed class OcppCallTimeoutException(string action, TimeSpan timeout)
    : TimeoutException($"No answer to {action} within {timeout.TotalSeconds:0.###} s.")
{
    /// <summary>The action that was called.</summary>
    public string Action { get; } = action;

    /// <summary>How long the endpoint waited.</summary>
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>The connection is closed, or closed while a CALL waited for its answer.</summary>
/// <param name="message">What was lost.</param>
public sealed class OcppDisconnectedException(string message) : IOException(message);

/// <summary>The peer's answer to a CALL did not conform to the action's response schema.</summary>
public sealed class OcppInvalidResponseException : Exception
{
    /// <summary>Creates the exception for a schema violation of the response to <paramref name="action"/>.</summary>
    public OcppInvalidResponseException(string action, SchemaViolation violation)
        : base($"The {action} response does not conform to its schema: {violation}")
    {
        Action = action;
        Violation = violation;
    }

    /// <summary>Creates the exception for a malformed response frame to <paramref name="action"/>.</summary>
    public OcppInvalidResponseException(string action, FrameFault fault)
        : base($"The {action} response frame is malformed: {fault.Description}")
    {
        Action = action;
        Fault = fault;
    }

    /// <summary>The action that was called.</summary>
    public string Action { get; }

    /// <summary>The schema violation, when the payload was the problem.</summary>
    public SchemaViolation? Violation { get; }

    /// <summary>The frame fault, when the frame itself was the problem.</summary>
    public FrameFault? Fault { get; }
}

/// <summary>
/// A payload this side was about to send breaks its 1.6 schema (strict outbound, <see cref="OcppRpcOptions.ValidateOutgoing"/>):
/// the frame was not written. Thrown to the code that made a CALL; for a handler's CALLRESULT it is what
/// <see cref="IOcppCallDispatcher.ReportFailure"/> is told while the peer gets an InternalError CALLERROR.
/// </summary>
public sealed class OcppOutboundSchemaException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="violation"/> of the <paramref name="action"/> request or response.</summary>
    public OcppOutboundSchemaException(string action, SchemaViolation violation, bool response)
        : base($"The {action} {(response ? "response" : "request")} breaks its 1.6 schema at {violation.Path} ({violation.Code.ToWire()}): {violation.Reason}; it was not sent.")
    {
        Action = action;
        Violation = violation;
        IsResponse = response;
    }

    /// <summary>The action of the CALL (or of the CALL answered).</summary>
    public string Action { get; }

    /// <summary>What breaks the schema, with the member's path (e.g. <c>$.idTagInfo.status</c>).</summary>
    public SchemaViolation Violation { get; }

    /// <summary>The member that breaks the schema, as a JSON path.</summary>
    public string Member => Violation.Path;

    /// <summary>Whether the payload was a CALLRESULT (true) or a CALL (false).</summary>
    public bool IsResponse { get; }
}
