using Microsoft.Extensions.DependencyInjection;
using OcppLab.Conformance.Drivers;
using OcppLab.Csms.Handlers.Core;
using OcppLab.Csms.Stations;
using OcppLab.Protocol;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Conformance.TargetTests;

/// <summary>
/// Against a foreign Central System every case shares one charge point identity, as with OCTT: a case ends
/// with the station clean, and what it could not clean up is reported on it, never on the cases after it.
/// </summary>
public sealed class IsolationTests
{
    [Test]
    public async Task A_failed_scenarios_open_transaction_does_not_fail_the_next_one()
    {
        var refusals = 1;
        var results = await CaseRun.RunAsync(CaseRun.ForeignTarget(), () => RefusingStops("refuses the first StopTransaction", () => Interlocked.Decrement(ref refusals) >= 0), "TC_012_CSMS");

        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(results[0].FailureMessage, Does.Contain("answered StopTransaction with CALLERROR InternalError"));
        Assert.That(results[1].Outcome, Is.EqualTo(ScenarioOutcome.Passed), results[1].FailureMessage);
    }

    [Test]
    public async Task A_clean_up_that_fails_is_reported_on_its_scenario_and_the_next_one_does_not_run()
    {
        var results = await CaseRun.RunAsync(CaseRun.ForeignTarget(), () => RefusingStops("refuses every StopTransaction", () => true), "TC_003_CSMS");

        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(results[0].FailureMessage, Does.Contain("Clean-up failed").And.Contain("transaction").And.Contain("open"));
        Assert.That(results[1].Outcome, Is.EqualTo(ScenarioOutcome.Inconclusive));
        Assert.That(results[1].FailureMessage, Does.Contain("could not be cleaned up").And.Contain(results[0].Name));
    }

    /// <summary>TC_049 ends with connector 0 reserved; the clean-up has the CSMS cancel it (a failed cancel would fail TC_049).</summary>
    [Test]
    public async Task A_reservation_a_case_leaves_behind_is_cancelled_through_the_operator_contract()
    {
        var settings = CaseRun.ForeignTarget();
        settings.Profiles = "Core,Reservation";

        var results = await CaseRun.RunAsync(settings, RequiresBasicAuthenticationWithReservations, "TC_049_CSMS", "TC_046_CSMS");

        Assert.That(results.Select(r => r.Outcome), Has.All.EqualTo(ScenarioOutcome.Passed), string.Join("\n", results.Select(r => r.FailureMessage)));
    }

    private static EmbeddedCsmsTarget RequiresBasicAuthenticationWithReservations() => SecurityProfileConnectionTests.RequiresBasicAuthentication("CSMS requiring Basic authentication");

    /// <summary>Our CSMS, except that StopTransaction is answered with a CALLERROR whenever <paramref name="refuse"/> says so.</summary>
    private static EmbeddedCsmsTarget RefusingStops(string description, Func<bool> refuse) =>
        SecurityProfileConnectionTests.RequiresBasicAuthentication(description, services => BrokenCsms.ReplaceRoute(services, (sp, router) =>
        {
            var stops = sp.GetRequiredService<StopTransactionHandler>();
            router.Map<StopTransactionRequest, StopTransactionResponse>((session, request, cancellationToken) =>
                refuse() ? throw new OcppCallErrorException(OcppErrorCode.InternalError, "StopTransaction is not stored.") : stops.HandleAsync(session, request, cancellationToken));
        }));
}
