using System.Globalization;
using System.Text.Json;
using OcppLab.Csms.Stations;
using OcppLab.Protocol;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// Sends an operator's CALL to a connected station and turns the outcome into an HTTP result: the
/// station's payload (200), or a problem naming the CALLERROR (502), the timeout (504), a schema-breaking
/// answer or a malformed answer frame (502), a lost connection (503) or a station that is not connected (404/409).
/// An answer that arrived counts, even when the station closes the connection right after it (a reboot after Reset).
/// </summary>
public sealed class StationCaller(ChargePointRegistry registry)
{
    /// <summary>Header carrying the round trip of the call, in milliseconds.</summary>
    public const string RoundTripHeader = "X-Ocpp-Round-Trip-Ms";

    /// <summary>Sends <paramref name="action"/> with <paramref name="payload"/> to <paramref name="chargePointId"/>.</summary>
    /// <param name="chargePointId">The station.</param>
    /// <param name="action">Any action name; checked against the catalogue when <paramref name="validate"/>.</param>
    /// <param name="payload">The request payload, sent exactly as given.</param>
    /// <param name="validate">Check that the action is one a Central System sends and that the payload fits its schema.</param>
    /// <param name="http">The HTTP context, for the round-trip header.</param>
    /// <param name="cancellationToken">Cancels the wait (not the CALL already sent).</param>
    public async Task<IResult> CallAsync(string chargePointId, string action, JsonElement payload, bool validate, HttpContext http, CancellationToken cancellationToken)
    {
        if (validate)
        {
            if (!OcppActions.TryGet(action, out var descriptor))
            {
                return Problems.BadRequest($"'{action}' is not an OCPP 1.6 action. Add ?validate=false to send it anyway.");
            }

            if (descriptor.Direction != MessageDirection.CentralSystemToChargePoint && action != "DataTransfer")
            {
                return Problems.BadRequest($"{action} is sent by a charge point, not by a Central System. Add ?validate=false to send it anyway.");
            }

            var violation = descriptor.RequestSchema.Validate(payload);
            if (violation is not null)
            {
                return Problems.BadRequest($"The {action} request does not fit its 1.6 schema ({violation.Code.ToWire()}): {violation}. Add ?validate=false to send it anyway.");
            }
        }

        var answer = await SendRawAsync(chargePointId, action, payload, validate, http, cancellationToken);
        return answer.Problem ?? Results.Json(answer.Payload);
    }

    /// <summary>
    /// Sends a typed request: checks it against its 1.6 schema first (a 400 naming the violation), then
    /// returns the station's typed answer or the problem that stands in for it.
    /// </summary>
    public async Task<StationAnswer<TResponse>> SendAsync<TResponse>(string chargePointId, IOcppRequest<TResponse> request, HttpContext? http, CancellationToken cancellationToken)
        where TResponse : class, IOcppResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!OcppActions.TryGet(request.GetType(), out var descriptor))
        {
            throw new ArgumentException($"{request.GetType().Name} is not a catalogued OCPP request.", nameof(request));
        }

        var payload = JsonSerializer.SerializeToElement(request, descriptor.RequestTypeInfo);
        var violation = descriptor.RequestSchema.Validate(payload);
        if (violation is not null)
        {
            return new(null, Problems.BadRequest($"The {descriptor.Action} request does not fit its 1.6 schema ({violation.Code.ToWire()}): {violation}."));
        }

        var answer = await SendRawAsync(chargePointId, descriptor.Action, payload, validate: true, http, cancellationToken);
        return answer.Problem is { } problem
            ? new(null, problem)
            : new((TResponse)answer.Payload.Deserialize(descriptor.ResponseTypeInfo)!, null);
    }

    private async Task<(JsonElement Payload, IResult? Problem)> SendRawAsync(string chargePointId, string action, JsonElement payload, bool validate, HttpContext? http, CancellationToken cancellationToken)
    {
        var station = registry.Find(chargePointId);
        var connection = station?.Connection;
        if (connection is null || connection.IsClosed)
        {
            return (default, station is null
                ? Problems.Create(StatusCodes.Status404NotFound, "not-connected", "Charge point not connected", $"No charge point '{chargePointId}' has connected to this Central System.")
                : Problems.Create(StatusCodes.Status409Conflict, "not-connected", "Charge point not connected", $"Charge point '{chargePointId}' is known but not connected now."));
        }

        RawCallOutcome outcome;
        try
        {
            // ?validate=false is the operator's deliberate bad frame: the endpoint's strict outbound check is skipped too.
            outcome = await connection.CallRawAsync(action, payload, validate, cancellationToken);
        }
        catch (OcppOutboundSchemaException e)
        {
            return (default, Problems.Create(
                StatusCodes.Status400BadRequest,
                "bad-request",
                "The request is not valid",
                $"{e.Message} Add ?validate=false to send it anyway.",
                new Dictionary<string, object?> { ["errorCode"] = e.Violation.Code.ToWire(), ["path"] = e.Member }));
        }
        catch (OcppCallTimeoutException e)
        {
            return (default, Problems.Create(StatusCodes.Status504GatewayTimeout, "timeout", "No answer from the charge point", e.Message));
        }
        catch (OcppDisconnectedException e)
        {
            return (default, Problems.Create(StatusCodes.Status503ServiceUnavailable, "disconnected", "The charge point disconnected", e.Message));
        }
        catch (OcppInvalidResponseException e) when (e.Fault is { } fault)
        {
            return (default, Problems.Create(
                StatusCodes.Status502BadGateway,
                "invalid-response",
                "The charge point's answer frame is malformed",
                e.Message,
                new Dictionary<string, object?> { ["errorCode"] = fault.Code.ToWire() }));
        }

        if (http is not null)
        {
            http.Response.Headers[RoundTripHeader] = outcome.RoundTrip.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return outcome.Response switch
        {
            CallResult { } result when outcome.Violation is { } broken => (default, Problems.Create(
                StatusCodes.Status502BadGateway,
                "invalid-response",
                "The charge point's answer breaks its 1.6 schema",
                $"{broken.Code.ToWire()}: {broken}",
                new Dictionary<string, object?> { ["payload"] = result.Payload, ["errorCode"] = broken.Code.ToWire(), ["path"] = broken.Path })),
            CallResult result => (result.Payload, null),
            CallError error => (default, Problems.Create(
                StatusCodes.Status502BadGateway,
                "call-error",
                "The charge point answered with a CALLERROR",
                $"{error.WireCode}: {error.Description}",
                new Dictionary<string, object?> { ["errorCode"] = error.WireCode, ["errorDescription"] = error.Description, ["errorDetails"] = error.Details })),
            _ => (default, Problems.Create(StatusCodes.Status500InternalServerError, "internal", "Unexpected frame", outcome.Response.GetType().Name)),
        };
    }
}
