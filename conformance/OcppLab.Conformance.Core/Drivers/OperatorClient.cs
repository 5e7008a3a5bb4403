using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Triggers CSMS-initiated operations (OCTT's manual actions) through the manual-action contract
/// (<c>operator-contract.openapi.yaml</c>): <c>POST {operator}/api/charge-points/{id}/manual/{action}</c> with
/// only the parameters the case gives, so the CSMS builds the OCPP message with its own logic. When the target
/// has no such endpoint (404, 405, 501) or <see cref="LabSettings.UseRelay"/> is set, the raw relay
/// <c>calls/{action}</c> stands in with a payload the lab writes, and the case says it was relayed. A 404 for
/// a charge point the CSMS does not know is no reason to relay: the contract types it (<see cref="NotConnected"/>),
/// and a relay that answers 404 as well ends the case with that, not with a relayed result.
/// </summary>
public sealed class OperatorClient(CsmsTarget target, LabSettings settings, ScenarioContext scenario)
{
    /// <summary>Where the contract's resources live, relative to <c>OCPPLAB_OPERATOR_URL</c>.</summary>
    public const string ContractPath = "api/charge-points";

    public const string NeedsOperator =
        "This case needs the CSMS to send a CALL on an operator's request, and the target offers no operator contract. " +
        "Set OCPPLAB_OPERATOR_URL to a base URL serving POST {url}/api/charge-points/{id}/manual/{action} (operator-contract.openapi.yaml).";

    /// <summary>The caveat on a case whose CALL the lab wrote itself and the CSMS only forwarded.</summary>
    public const string Relayed = "relayed: the CSMS's own command logic was not exercised";

    /// <summary>The problem type of the contract's 404 for a charge point the CSMS does not know or that never connected.</summary>
    public const string NotConnected = "urn:ocpplab:problem:not-connected";

    /// <summary>The problem type of the contract's 404 for something else the parameters name that the CSMS does not have.</summary>
    public const string NotFound = "urn:ocpplab:problem:not-found";

    private readonly HashSet<string> relayed = new(StringComparer.Ordinal);

    /// <summary>The last reply of the operator contract.</summary>
    public OperatorReply? LastReply { get; private set; }

    /// <summary>Asks the CSMS to send <paramref name="action"/> to <paramref name="chargePointId"/>, given the case's <paramref name="parameters"/>.</summary>
    public async Task<OperatorReply> SendAsync(string chargePointId, string action, JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var client = target.Operator;
        if (client is null)
        {
            Assert.Inconclusive(NeedsOperator);
        }

        var id = Uri.EscapeDataString(chargePointId);
        var manual = ManualActions.Find(action);
        if (manual is not null && !settings.UseRelay)
        {
            var reply = await PostAsync(client, action, $"{ContractPath}/{id}/manual/{manual.Path}", manual.ToContractParameters(parameters));
            if (reply is { Status: 404, ProblemType: NotConnected })
            {
                throw new AssertionException(
                    $"The CSMS does not know charge point {chargePointId} (it never connected under that identity): manual/{manual.Path} answered HTTP 404 {reply.Text}. " +
                    $"Register {LabSettings.EnvironmentName(nameof(LabSettings.ChargePointId))} in the CSMS under the identity it connects with.");
            }

            if (!OffersNoSuchEndpoint(reply))
            {
                return LastReply = reply;
            }

            scenario.Log($"the operator contract offers no manual/{manual.Path} (HTTP {reply.Status.ToString(CultureInfo.InvariantCulture)}); the raw relay stands in");
        }

        var payload = manual?.ToRelayPayload(parameters, settings, target.Clock.GetUtcNow()) ?? parameters;
        var relayedReply = await PostAsync(client, action, $"{ContractPath}/{id}/calls/{Uri.EscapeDataString(action)}", payload);
        if (relayedReply.Status == 404)
        {
            // Neither path found: the charge point is what both lack, or the CSMS offers neither; no case result
            // may rest on a relay that did not happen.
            throw new AssertionException(
                $"The CSMS answered HTTP 404 to {(manual is null || settings.UseRelay ? "" : $"manual/{manual.Path} and to ")}calls/{action} for charge point {chargePointId}: " +
                $"it does not know {chargePointId} (register {LabSettings.EnvironmentName(nameof(LabSettings.ChargePointId))} in the CSMS), or it offers neither the operator contract nor the relay at " +
                $"{client.BaseAddress} (check {LabSettings.EnvironmentName(nameof(LabSettings.OperatorUrl))}). Its answer: {relayedReply.Text}");
        }

        if (relayed.Add(action))
        {
            scenario.Warn($"{Relayed} (the lab wrote the {action} payload and the CSMS forwarded it through calls/{action})");
        }

        return LastReply = relayedReply;
    }

    /// <summary>
    /// The contract's answer of a Central System that lacks the endpoint: 405 or 501, or a 404 that is not the
    /// contract's own (a problem document typed <see cref="NotConnected"/> or <see cref="NotFound"/>), such as a
    /// web framework's answer for a route it does not have.
    /// </summary>
    private static bool OffersNoSuchEndpoint(OperatorReply reply) =>
        reply.Status is 405 or 501 || (reply.Status == 404 && reply.ProblemType is not (NotConnected or NotFound));

    /// <summary>Has the CSMS cancel reservation <paramref name="reservationId"/> (the clean-up after a case).</summary>
    public Task<OperatorReply> CancelReservationAsync(string chargePointId, int reservationId) =>
        SendAsync(chargePointId, "CancelReservation", new JsonObject { ["reservationId"] = reservationId });

    private async Task<OperatorReply> PostAsync(HttpClient client, string action, string path, JsonObject body)
    {
        var text = body.ToJsonString();
        scenario.Log($"operator → CSMS: POST {path} {text}");
        using var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var timeout = new CancellationTokenSource(settings.OperatorTimeout);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, timeout.Token);
        var answer = await response.Content.ReadAsStringAsync(timeout.Token);
        scenario.Log(string.Create(CultureInfo.InvariantCulture, $"CSMS → operator: HTTP {(int)response.StatusCode} {answer}"));
        JsonNode? parsed = null;
        try
        {
            parsed = answer.Length > 0 ? JsonNode.Parse(answer) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return new OperatorReply(action, (int)response.StatusCode, parsed, answer);
    }
}

/// <summary>What the operator contract answered: 200 with the charge point's payload, or a problem document.</summary>
public sealed record OperatorReply(string Action, int Status, JsonNode? Body, string Text)
{
    public bool Succeeded => Status == 200;

    /// <summary>The <c>type</c> of a problem document (RFC 9457) answer; null for any other answer.</summary>
    public string? ProblemType => !Succeeded && Body is JsonObject problem && problem["type"] is JsonValue type && type.TryGetValue<string>(out var name) ? name : null;
}
