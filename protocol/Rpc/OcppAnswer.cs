using System.Text.Json;

namespace OcppLab.Protocol.Rpc;

/// <summary>
/// A CALLRESULT the peer sent to one of our CALLs of a catalogued action, conforming to its response schema, handed
/// to <see cref="IOcppCallDispatcher.OnAnswerAsync"/> so that the answer routes can act on it.
/// </summary>
/// <param name="Action">The action of our CALL.</param>
/// <param name="MessageId">The message id of our CALL.</param>
/// <param name="Request">The request payload as sent; <c>default</c> when only <paramref name="TypedRequest"/> is known.</param>
/// <param name="Response">The response payload as received.</param>
/// <param name="TypedRequest">The request object, when the CALL was made with a typed request.</param>
/// <param name="TypedResponse">The response object, when it was already deserialized.</param>
public sealed record OcppAnswer(string Action, string MessageId, JsonElement Request, JsonElement Response, object? TypedRequest, object? TypedResponse);
