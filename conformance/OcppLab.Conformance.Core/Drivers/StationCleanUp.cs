using System.Globalization;
using System.Text.Json.Nodes;
using OcppLab.Protocol.Framing;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Leaves the station as OCTT assumes every case starts (octt16-csms.md §2.1: no transaction in progress, no
/// reservation): after a scenario its open transaction is stopped and the reservations the station still
/// holds are cancelled. A clean-up that fails fails its own scenario and is written in the run's
/// <see cref="StationLedger"/>; the next scenario on the station tries again first and, when the station
/// still cannot be cleaned, does not run (Inconclusive), so one defect never reads as a string of failures.
/// </summary>
public sealed class StationCleanUp(
    LabChargePoint chargePoint,
    ChargePointMessages messages,
    OperatorClient operatorClient,
    ScriptedAnswers answers,
    StationLedger ledger,
    ScenarioContext scenario)
{
    /// <summary>Before a scenario: what an earlier scenario left on this station is cleaned up, or the scenario does not run.</summary>
    public async Task BeforeScenarioAsync()
    {
        if (ledger.Find(chargePoint.Id) is not { } leftover)
        {
            return;
        }

        scenario.Log($"clean-up: {leftover.LeftBy} left the station not clean ({leftover.Problem}); trying again");
        var problems = await CleanAsync(leftover.Transaction, leftover.ReservationIds);
        await chargePoint.DisconnectAsync();
        if (problems.Count > 0)
        {
            Assert.Inconclusive(
                $"Not run: {leftover.LeftBy} left station {chargePoint.Id} with {Describe(leftover)}, and it could not be cleaned up ({string.Join("; ", problems)}). " +
                "A case on a station that is not clean would report the earlier defect again.");
        }

        ledger.Clear(chargePoint.Id);
    }

    /// <summary>After a scenario: stops its open transaction and cancels the reservations the station holds.</summary>
    public async Task AfterScenarioAsync()
    {
        var transaction = messages.Open;
        var reservations = HeldReservations();
        if (transaction is null && reservations.Count == 0)
        {
            return;
        }

        var problems = await CleanAsync(transaction, reservations);
        if (problems.Count == 0)
        {
            return;
        }

        var leftover = new Leftover(scenario.Scenario.Name, transaction, reservations, string.Join("; ", problems));
        ledger.Record(chargePoint.Id, leftover);
        throw new AssertionException(
            $"Clean-up failed: the station is left with {Describe(leftover)} ({leftover.Problem}). The next scenario on {chargePoint.Id} tries again before it runs.");
    }

    /// <summary>Reservations the charge point accepted that no transaction used, no CancelReservation ended and that have not expired.</summary>
    private List<int> HeldReservations()
    {
        var calls = chargePoint.AnsweredCalls;
        var now = chargePoint.Target.Clock.GetUtcNow();
        var used = chargePoint.Exchanges
            .Where(e => e.Action == "StartTransaction" && e.Response is CallResult && e.Request["reservationId"] is not null)
            .Select(e => e.Request["reservationId"]!.GetValue<int>())
            .ToHashSet();
        var cancelled = calls
            .Where(c => c.Call.Action == "CancelReservation" && Status(c.Answer) == "Accepted")
            .Select(c => c.Call.Payload.GetProperty("reservationId").GetInt32())
            .ToHashSet();
        return [.. calls
            .Where(c => c.Call.Action == "ReserveNow" && Status(c.Answer) == "Accepted")
            .Where(c => !(c.Call.Payload.TryGetProperty("expiryDate", out var expiry) && expiry.TryGetDateTimeOffset(out var at) && at <= now))
            .Select(c => c.Call.Payload.GetProperty("reservationId").GetInt32())
            .Where(id => !used.Contains(id) && !cancelled.Contains(id))
            .Distinct()];
    }

    private async Task<List<string>> CleanAsync(OpenTransaction? transaction, IReadOnlyList<int> reservations)
    {
        var problems = new List<string>();
        try
        {
            if (!chargePoint.IsConnected)
            {
                await chargePoint.ConnectAsync();
            }
        }
        catch (Exception e) when (e is AssertionException or InvalidOperationException or OperationCanceledException)
        {
            problems.Add($"reconnecting failed: {e.Message}");
            return problems;
        }

        if (transaction is not null)
        {
            try
            {
                scenario.Log(string.Create(CultureInfo.InvariantCulture, $"clean-up: StopTransaction of transaction {transaction.TransactionId}"));
                await messages.StopAsync(transaction, "Local", offline: false);
            }
            catch (AssertionException e)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"StopTransaction of transaction {transaction.TransactionId} failed: {e.Message}"));
            }
        }

        foreach (var reservationId in reservations)
        {
            scenario.Log(string.Create(CultureInfo.InvariantCulture, $"clean-up: cancel reservation {reservationId}"));
            answers.Script("CancelReservation", new JsonObject { ["status"] = "Accepted" });
            try
            {
                var reply = await operatorClient.CancelReservationAsync(chargePoint.Id, reservationId);
                if (!reply.Succeeded)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"cancelling reservation {reservationId} failed: the operator contract answered HTTP {reply.Status} {reply.Text}"));
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InconclusiveException)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"cancelling reservation {reservationId} failed: {e.Message}"));
            }
        }

        return problems;
    }

    private static string? Status(JsonObject answer) => answer["status"]?.GetValue<string>();

    private static string Describe(Leftover leftover)
    {
        var parts = new List<string>();
        if (leftover.Transaction is { } t)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"transaction {t.TransactionId} open"));
        }

        if (leftover.ReservationIds.Count > 0)
        {
            parts.Add($"reservation(s) {string.Join(", ", leftover.ReservationIds)} held");
        }

        return string.Join(" and ", parts);
    }
}
