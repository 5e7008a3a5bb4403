using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Triggers CSMS-initiated operations (OCTT's manual actions) through the generic operator contract:
/// <c>POST {operator}/api/charge-points/{id}/calls/{action}</c> with the OCPP request payload as the body;
/// 200 carries the charge point's answer. Any CSMS can offer it with a small adapter (see the README).
/// </summary>
public sealed class OperatorClient(CsmsTarget target, LabSettings settings, ScenarioContext scenario)
{
    /// <summary>Where the contract's resources live, relative to <c>OCPPLAB_OPERATOR_URL</c>.</summary>
    public const string ContractPath = "api/charge-points";

    public const string NeedsOperator =
        "This case needs the CSMS to send a CALL on an operator's request, and the target offers no operator contract. " +
        "Set OCPPLAB_OPERATOR_URL to a base URL serving POST {url}/api/charge-points/{id}/calls/{action}.";

    /// <summary>The caveat on a case whose CALL the lab wrote itself and the CSMS only forwarded.</summary>
    public const string Relayed = "relayed: the CSMS's own command logic was not exercised";

    private readonly HashSet<string> relayed = new(StringComparer.Ordinal);

    /// <summary>The last reply of the operator contract.</summary>
    public OperatorReply? LastReply { get; private set; }

    /// <summary>Asks the CSMS to send <paramref name="action"/> with <paramref name="payload"/> to <paramref name="chargePointId"/>.</summary>
    public async Task<OperatorReply> SendAsync(string chargePointId, string action, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var client = target.Operator;
        if (client is null)
        {
            Assert.Inconclusive(NeedsOperator);
        }

        var body = payload.ToJsonString();
        scenario.Log($"operator → CSMS: {action} {body}");
        if (relayed.Add(action))
        {
            scenario.Warn($"{Relayed} (the lab wrote the {action} payload and the CSMS forwarded it through calls/{action})");
        }

        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var timeout = new CancellationTokenSource(settings.OperatorTimeout);
        var path = $"api/charge-points/{Uri.EscapeDataString(chargePointId)}/calls/{Uri.EscapeDataString(action)}";
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        scenario.Log(string.Create(CultureInfo.InvariantCulture, $"CSMS → operator: HTTP {(int)response.StatusCode} {text}"));
        JsonNode? parsed = null;
        try
        {
            parsed = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        LastReply = new OperatorReply(action, (int)response.StatusCode, parsed, text);
        return LastReply;
    }

    /// <summary>Has the CSMS cancel reservation <paramref name="reservationId"/> (the clean-up after a case).</summary>
    public Task<OperatorReply> CancelReservationAsync(string chargePointId, int reservationId) =>
        SendAsync(chargePointId, "CancelReservation", new JsonObject { ["reservationId"] = reservationId });
}

/// <summary>What the operator contract answered: 200 with the charge point's payload, or a problem document.</summary>
public sealed record OperatorReply(string Action, int Status, JsonNode? Body, string Text)
{
    public bool Succeeded => Status == 200;
}
