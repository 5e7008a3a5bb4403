using System.Text.Json;
using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>Checks on the CSMS's answers (CALLRESULT payloads) to what the charge point sent.</summary>
[Binding]
public sealed class AnswerSteps(LabChargePoint chargePoint, LabSettings settings, ScenarioContext scenario)
{
    private CallExchange Last => chargePoint.LastExchange ?? throw new InvalidOperationException("The charge point has sent nothing yet.");

    [Then("^the CSMS answers with status (\\w+)$")]
    public void Status(string status) => Expect.Status(Last, status);

    [Then("^the CSMS answers with id tag status (\\w+)$")]
    public void IdTagStatus(string status) => Expect.IdTagStatus(Last, status);

    /// <summary>StartTransaction.conf must carry a transactionId, even for a refused tag (TC_037_3).</summary>
    [Then("^the CSMS answers StartTransaction with id tag status (\\w+) and a transaction id$")]
    public void StartAnswer(string status)
    {
        var start = chargePoint.LastExchangeOf("StartTransaction");
        Expect.IdTagStatus(start, status);
        if (!start.Payload.TryGetProperty("transactionId", out var id) || id.ValueKind != JsonValueKind.Number)
        {
            throw new AssertionException("The CSMS answered StartTransaction without a transactionId.");
        }
    }

    /// <summary>
    /// A second start for an id tag already in a running transaction: ConcurrentTx from a CSMS that allows one
    /// transaction per id tag, Accepted from one that allows several (OCPP 1.6 §4.8, AuthorizationStatus
    /// ConcurrentTx); either when the target declared neither (<see cref="LabSettings.ConcurrentTransactionsPerIdTag"/>).
    /// </summary>
    [Then("^the CSMS answers the second start as its rule on concurrent transactions of one id tag says$")]
    public void ConcurrentStart()
    {
        var start = chargePoint.LastExchangeOf("StartTransaction");
        var allowed = settings.ConcurrentTransactionsPerIdTag.Trim().ToLowerInvariant() switch
        {
            "allowed" => new[] { "Accepted" },
            "refused" => ["ConcurrentTx"],
            _ => ["Accepted", "ConcurrentTx"],
        };
        var actual = Expect.IdTagInfo(start)?["status"]?.GetValue<string>();
        if (!allowed.Contains(actual))
        {
            throw new AssertionException($"The CSMS answered the second StartTransaction for id tag {start.Request["idTag"]} with idTagInfo.status {actual ?? "(none)"}; expected {string.Join(" or ", allowed)} ({LabSettings.EnvironmentName(nameof(LabSettings.ConcurrentTransactionsPerIdTag))}={settings.ConcurrentTransactionsPerIdTag}).");
        }
    }

    [Then("^the CSMS answers with the group id tag as parent id tag$")]
    public void ParentIdTag()
    {
        var parent = Expect.IdTagInfo(Last)?["parentIdTag"]?.GetValue<string>();
        if (parent != settings.GroupIdTag)
        {
            throw new AssertionException($"The CSMS answered {Last.Action} with idTagInfo.parentIdTag {parent ?? "(none)"}; expected the group's {settings.GroupIdTag}.");
        }
    }

    /// <summary>BootNotification.conf: the schema requires currentTime and interval; OCTT compares the interval with the configured one.</summary>
    [Then("^the CSMS answers with the configured heartbeat interval$")]
    public void HeartbeatInterval()
    {
        var interval = Last.Payload.GetProperty("interval").GetInt32();
        if (interval != settings.HeartbeatIntervalSeconds)
        {
            throw new AssertionException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"BootNotification.conf interval is {interval} s; the configured heartbeat interval is {settings.HeartbeatIntervalSeconds} s (set {LabSettings.EnvironmentName(nameof(LabSettings.HeartbeatIntervalSeconds))} to the interval your CSMS is configured with)."));
        }
    }

    [Then("^the CSMS answers with its current time$")]
    public void CurrentTime() =>
        Assert.That(Last.Payload.TryGetProperty("currentTime", out var time) && time.ValueKind == JsonValueKind.String, $"{Last.Action}.conf has no currentTime string.");

    [Then("^the CSMS acknowledges it$")]
    public void Acknowledged() => Assert.That(Last.Response is OcppLab.Protocol.Framing.CallResult, $"The CSMS answered {Last.Action} with {Last.Response}; expected a CALLRESULT.");

    /// <summary>TC_064: Rejected, UnknownMessageId or UnknownVendorId; Accepted is tolerated with a warning (octt16-csms.md §3).</summary>
    [Then("^the CSMS answers with one of the statuses (\\w+(?:, \\w+)*(?: or \\w+)?)(, tolerating Accepted with a warning)?$")]
    public void OneOf(string statuses, string toleratingAccepted)
    {
        var allowed = statuses.Replace(" or ", ", ", StringComparison.Ordinal).Split(", ");
        var actual = Last.Payload.TryGetProperty("status", out var status) ? status.GetString() : null;
        if (actual == "Accepted" && toleratingAccepted.Length > 0)
        {
            scenario.Warn($"The CSMS answered {Last.Action} for an unknown vendor ({settings.UnknownVendorId}) with Accepted; OCTT passes this with a warning.");
            return;
        }

        if (!allowed.Contains(actual))
        {
            throw new AssertionException($"The CSMS answered {Last.Action} with status {actual ?? "(none)"}; expected one of {string.Join(", ", allowed)}.");
        }
    }
}
