using System.Text.Json;
using OcppLab.Conformance.Drivers.CentralSystem;
using OcppLab.Conformance.Support.Lab;
using OcppLab.Conformance.Support.Reporting;

namespace OcppLab.Conformance.ReportTests;

/// <summary>The certificate-style report from synthetic results: what a run's outcome and timings turn into.</summary>
public sealed class ConformanceReportTests
{
    private const string ChargingStep = "the Central System runs state Charging with <validIdTag>, Authorize optional";

    private static readonly LabSettings Settings = LabSettings.Load(new Dictionary<string, string?>());

    private static ScenarioResult Result(string feature, ScenarioOutcome outcome, string? message = null, params StepResult[] steps)
    {
        var file = Path.GetFileNameWithoutExtension(feature);
        var id = string.Join('_', file.Split('_').TakeWhile(p => p != "CS" && p != "CSMS").Append(file.Contains("_CSMS_", StringComparison.Ordinal) ? "CSMS" : "CS"));
        return new ScenarioResult($"{id} scenario", id, "scenario", feature, [], outcome, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), message, steps);
    }

    private static StepResult Step(string keyword, string text, int line, StepStatus status) => new(keyword, text, line, status, TimeSpan.Zero);

    private static List<ScenarioResult> ChargePointResults() =>
    [
        Result("features/charge-point/Core/TC_001_CS_ColdBootChargePoint.feature", ScenarioOutcome.Passed),
        Result("features/charge-point/Reservation/TC_046_1_CS_ReservationOfAConnectorLocalStartTransaction.feature", ScenarioOutcome.Passed),
        Result(
            "features/charge-point/Reservation/TC_046_2_CS_ReservationOfAConnectorRemoteStartTransaction.feature",
            ScenarioOutcome.Failed,
            $"Step 'When {ChargingStep}' failed (features/charge-point/Reservation/TC_046_2_CS_ReservationOfAConnectorRemoteStartTransaction.feature:10):\nThe Charge Point sent no StatusNotification with connectorId=1, status=Preparing within 60 s.\n   at Somewhere()",
            Step("Given", "the Charge Point is booted", 6, StepStatus.Passed),
            Step("When", ChargingStep, 10, StepStatus.Failed),
            Step("Then", "the Charge Point sent StartTransaction with reservationId=<reservationId>", 11, StepStatus.Skipped)),
        Result("features/charge-point/Security/TC_085_CS_BasicAuthenticationValidUserNamePassword.feature", ScenarioOutcome.Inconclusive, "Not applicable here"),
    ];

    private static ChargePointTimings Timings()
    {
        var timings = new ChargePointTimings();
        timings.Record("Reset", TimeSpan.FromMilliseconds(4), answered: true);
        timings.Record("Reset", TimeSpan.FromMilliseconds(8), answered: false);
        timings.Record("RemoteStartTransaction", TimeSpan.FromMilliseconds(2), answered: true);
        timings.RecordFollowUp("RemoteStartTransaction", "StartTransaction", TimeSpan.FromMilliseconds(10), TimeSpan.Zero);
        timings.RecordFollowUp("RemoteStartTransaction", "StartTransaction", TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(2));
        timings.RecordFollowUp("TriggerMessage", "Heartbeat", TimeSpan.FromMilliseconds(5), TimeSpan.Zero);
        timings.RecordFollowUp("TriggerMessage", "BootNotification", TimeSpan.FromMilliseconds(7), TimeSpan.Zero);
        timings.RecordResponseTimeout(30);
        return timings;
    }

    private static ConformanceReport Build(IReadOnlyList<ScenarioResult> results, ChargePointTimings? timings = null) =>
        ConformanceReport.Build(results, new Measurements(), Settings, "test target", timings ?? new ChargePointTimings());

    [Test]
    public void The_charge_point_section_gives_a_verdict_per_profile()
    {
        var markdown = Build(ChargePointResults(), Timings()).ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("# OCPP 1.6-J conformance report (Charge Point)"));
            Assert.That(markdown, Does.Contain("| Core | PASS | 1 of 1 | 1 | 0 | 0 | 0 |"));
            Assert.That(markdown, Does.Contain("| Reservation | FAIL | 2 of 2 | 1 | 1 | 0 | 0 |"));
            Assert.That(markdown, Does.Contain("| Security | NOT TESTED | 0 of 1 | 0 | 0 | 1 | 0 |"));
            Assert.That(markdown, Does.Contain("| Smart Charging | NOT TESTED | 0 of 0 | 0 | 0 | 0 | 0 |"));
            Assert.That(markdown, Does.Not.Contain("(Central System)"), "no csms case ran, so that section is left out");
        });
    }

    [Test]
    public void A_failing_charge_point_case_names_its_failing_step_and_reason()
    {
        var markdown = Build(ChargePointResults(), Timings()).ToMarkdown();

        Assert.That(markdown, Does.Contain(
            $"| TC_046_2_CS Reservation Of A Connector Remote Start Transaction | Reservation | Failed | When {ChargingStep} (line 10) | The Charge Point sent no StatusNotification with connectorId=1, status=Preparing within 60 s. |"));
        Assert.That(markdown, Does.Contain("| TC_085_CS Basic Authentication Valid User Name Password | Security | Inconclusive | – | Not applicable here |"));
    }

    [Test]
    public void The_charge_point_performance_parameters_come_from_its_timings()
    {
        var markdown = Build(ChargePointResults(), Timings()).ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| OCPP response timeout | 30 s (the charge point's wait for each answer, as configured) |"));
            Assert.That(markdown, Does.Contain(
                "| Transaction authorization time by RemoteStartTransaction | p50 10.0 ms, p95 30.0 ms, max 30.0 ms (2 × RemoteStartTransaction.req → StartTransaction.req; at most 2 s on the charge point's clock) |"));
            Assert.That(markdown, Does.Contain("| Transaction authorization end time by RemoteStopTransaction | not measured |"));
            Assert.That(markdown, Does.Contain("TriggerMessage.req → BootNotification, Heartbeat.req"));
            Assert.That(markdown, Does.Contain("| Reset | 2 | 1 | 4.0 | 8.0 | 8.0 |"));
            Assert.That(markdown, Does.Contain("| RemoteStartTransaction | 1 | 0 | 2.0 | 2.0 | 2.0 |"));
        });
    }

    [Test]
    public void The_json_carries_the_charge_point_section()
    {
        using var json = JsonDocument.Parse(Build(ChargePointResults(), Timings()).ToJson());
        var chargePoint = json.RootElement.GetProperty("chargePoint");
        var reservation = chargePoint.GetProperty("profiles").EnumerateArray().Single(p => p.GetProperty("profile").GetString() == "Reservation");
        var failing = chargePoint.GetProperty("failingCases").EnumerateArray().ToList();
        var performance = chargePoint.GetProperty("performance");
        var remoteStart = performance.GetProperty("transactionAuthorizationTimeByRemoteStartTransaction");

        Assert.Multiple(() =>
        {
            Assert.That(reservation.GetProperty("result").GetString(), Is.EqualTo("FAIL"));
            Assert.That(failing.Select(f => f.GetProperty("id").GetString()), Is.EqualTo(new[] { "TC_046_2_CS" }));
            Assert.That(failing[0].GetProperty("failingStep").GetString(), Is.EqualTo($"When {ChargingStep} (line 10)"));
            Assert.That(failing[0].GetProperty("reason").GetString(), Does.StartWith("The Charge Point sent no StatusNotification"));
            Assert.That(remoteStart.GetProperty("count").GetInt32(), Is.EqualTo(2));
            Assert.That(remoteStart.GetProperty("p95Ms").GetDouble(), Is.EqualTo(30));
            Assert.That(remoteStart.GetProperty("maxVirtualSeconds").GetDouble(), Is.EqualTo(2));
            Assert.That(performance.GetProperty("transactionAuthorizationEndTimeByRemoteStopTransaction").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(performance.GetProperty("ocppResponseTimeoutSeconds").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 30 }));
            Assert.That(performance.GetProperty("actions").EnumerateArray().First().GetProperty("action").GetString(), Is.EqualTo("RemoteStartTransaction"));
        });
    }

    [Test]
    public void A_central_system_run_has_no_charge_point_section()
    {
        List<ScenarioResult> results = [Result("features/csms/Core/TC_001_CSMS_ColdBootChargePoint.feature", ScenarioOutcome.Passed)];
        var report = Build(results, Timings());
        using var json = JsonDocument.Parse(report.ToJson());

        Assert.Multiple(() =>
        {
            Assert.That(report.ChargePoint, Is.Null);
            Assert.That(report.ToMarkdown(), Does.Contain("# OCPP 1.6-J conformance report (Central System)"));
            Assert.That(report.ToMarkdown(), Does.Contain("| Core | PASS | 1 of 1 | 1 | 0 | 0 | 0 |"));
            Assert.That(report.ToMarkdown(), Does.Not.Contain("(Charge Point)"));
            Assert.That(json.RootElement.GetProperty("chargePoint").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void A_run_of_both_ends_reports_both_and_keeps_their_cases_apart()
    {
        List<ScenarioResult> results = [Result("features/csms/Reservation/TC_046_CSMS_ReservationOfAConnectorTransaction.feature", ScenarioOutcome.Passed), .. ChargePointResults()];
        var report = Build(results, Timings());
        var markdown = report.ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(markdown.IndexOf("(Central System)", StringComparison.Ordinal), Is.LessThan(markdown.IndexOf("(Charge Point)", StringComparison.Ordinal)).And.Not.Negative);
            Assert.That(report.ProfileVerdicts.Single(p => p.Tag == "Reservation").Result, Is.EqualTo("PASS"));
            Assert.That(report.ChargePoint!.ProfileVerdicts.Single(p => p.Tag == "Reservation").Result, Is.EqualTo("FAIL"));
        });
    }

    [Test]
    public void A_pipe_in_a_reason_does_not_break_the_table()
    {
        List<ScenarioResult> results =
        [
            Result("features/charge-point/Core/TC_003_CS_RegularChargingSessionPluginFirst.feature", ScenarioOutcome.Failed, "Step 'Then x' failed (f:3):\nstatus is Faulted; expected Available|Preparing",
                Step("Then", "x", 3, StepStatus.Failed)),
        ];

        Assert.That(Build(results).ToMarkdown(), Does.Contain("| Then x (line 3) | status is Faulted; expected Available\\|Preparing |"));
    }

    [Test]
    public void Write_puts_both_files_in_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("ocpplab-report-").FullName;
        try
        {
            Build(ChargePointResults(), Timings()).Write(folder);

            Assert.That(File.ReadAllText(Path.Combine(folder, ConformanceReport.MarkdownFileName)), Does.Contain("(Charge Point)"));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ConformanceReport.JsonFileName)));
            Assert.That(json.RootElement.GetProperty("chargePoint").GetProperty("profiles").GetArrayLength(), Is.EqualTo(ConformanceReport.Profiles.Count));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_profile_with_a_case_that_did_not_run_is_not_pass()
    {
        List<ScenarioResult> results =
        [
            Result("features/csms/Core/TC_001_CSMS_ColdBootChargePoint.feature", ScenarioOutcome.Passed),
            Result("features/csms/Core/TC_013_CSMS_HardReset.feature", ScenarioOutcome.Inconclusive, "This case needs the CSMS to send a CALL on an operator's request"),
        ];

        var report = Build(results);

        Assert.That(report.ProfileVerdicts.Single(p => p.Tag == "Core").Result, Is.EqualTo("INCOMPLETE"));
        Assert.That(report.ToMarkdown(), Does.Contain("| Core | INCOMPLETE | 1 of 2 | 1 | 0 | 1 | 0 |"));
        Assert.That(report.Summary(), Has.Member("Core: INCOMPLETE (1 of 2 applicable cases run, 1 passed, 0 failed)"));
    }

    [Test]
    public void A_profile_whose_cases_all_did_not_run_is_not_tested()
    {
        List<ScenarioResult> results = [Result("features/csms/Core/TC_013_CSMS_HardReset.feature", ScenarioOutcome.Inconclusive, "no operator contract")];

        Assert.That(Build(results).ProfileVerdicts.Single(p => p.Tag == "Core").Result, Is.EqualTo("NOT TESTED"));
    }

    [Test]
    public void A_profile_the_target_does_not_declare_says_so()
    {
        var settings = LabSettings.Load(new Dictionary<string, string?> { ["OCPPLAB_CSMS_URL"] = "ws://elsewhere.invalid/ocpp/" });
        List<ScenarioResult> results =
        [
            Result("features/csms/Core/TC_001_CSMS_ColdBootChargePoint.feature", ScenarioOutcome.Passed),
            Result("features/csms/Reservation/TC_046_CSMS_ReservationOfAConnectorTransaction.feature", ScenarioOutcome.Ignored, "Not applicable"),
        ];

        var report = ConformanceReport.Build(results, new Measurements(), settings, "foreign");

        Assert.That(report.ProfileVerdicts.Single(p => p.Tag == "Reservation").Result, Is.EqualTo("NOT DECLARED"));
        Assert.That(report.ProfileVerdicts.Single(p => p.Tag == "Security").Result, Is.EqualTo("NOT DECLARED"));
        Assert.That(report.ProfileVerdicts.Single(p => p.Tag == "Core").Result, Is.EqualTo("PASS"));
    }

    [Test]
    public void A_warning_appears_in_every_form_of_the_report()
    {
        List<ScenarioResult> results =
        [
            Result("features/csms/Core/TC_064_CSMS_DataTransferToACentralSystem.feature", ScenarioOutcome.Passed) with { Warnings = ["accepted an unknown vendor"] },
        ];

        var report = Build(results);

        Assert.That(report.ToMarkdown(), Does.Contain("## Warnings").And.Contain("accepted an unknown vendor"));
        Assert.That(report.ToJson(), Does.Contain("accepted an unknown vendor"));
        Assert.That(HtmlReport.Render(report), Does.Contain("accepted an unknown vendor"));
    }

    [Test]
    public void The_settings_used_are_listed_with_their_source_and_secrets_hidden()
    {
        var settings = LabSettings.Load(new Dictionary<string, string?> { ["OCPPLAB_VALID_ID_TAG"] = "TAG-FROM-ENV" });

        var markdown = ConformanceReport.Build([], new Measurements(), settings, "t").ToMarkdown();

        Assert.That(markdown, Does.Contain("| ValidIdTag | OCPPLAB_VALID_ID_TAG | TAG-FROM-ENV | OCPPLAB_VALID_ID_TAG |"));
        Assert.That(markdown, Does.Contain("| BasicAuthPassword | OCPPLAB_BASIC_AUTH_PASSWORD | (set, not shown) | default |"));
        Assert.That(markdown, Does.Not.Contain(settings.BasicAuthPassword));
    }

    [Test]
    public void A_failing_case_carries_its_frame_log_folded_in_html()
    {
        const string message = "Step 'Then x' failed (f:3):\nexpected Accepted\n\n[+0.001s] CP → CSMS [2,\"1\",\"Authorize\",{}]";
        List<ScenarioResult> results = [Result("features/csms/Core/TC_023_1_CSMS_StartChargingSessionAuthorizeInvalid.feature", ScenarioOutcome.Failed, message)];

        var report = Build(results);

        Assert.That(report.ToMarkdown(), Does.Contain("## Frame logs of the failing scenarios").And.Contain("CP → CSMS [2,\"1\",\"Authorize\",{}]"));
        Assert.That(HtmlReport.Render(report), Does.Contain("<details><summary>Step &#39;Then x&#39; failed (f:3):</summary>").And.Contain("CP → CSMS [2,&quot;1&quot;,&quot;Authorize&quot;,{}]"));
    }

    [Test]
    public void No_scenario_drops_out_of_the_counts()
    {
        List<ScenarioResult> results =
        [
            Result("features/csms/Core/TC_001_CSMS_ColdBootChargePoint.feature", ScenarioOutcome.Passed),
            Result("features/csms/Core/TC_013_CSMS_HardReset.feature", ScenarioOutcome.Inconclusive, "not run"),
            Result("features/csms/Core/TC_014_CSMS_SoftReset.feature", ScenarioOutcome.Failed, "failed"),
            Result("features/csms/Security/TC_074_CSMS_UpdateChargePointCertificateByRequestOfCentralSystem.feature", ScenarioOutcome.Ignored, "n/a"),
        ];
        var report = Build(results);
        var folder = Directory.CreateTempSubdirectory("ocpplab-junit-").FullName;
        try
        {
            report.Write(folder);
            var junit = System.Xml.Linq.XDocument.Load(Path.Combine(folder, ConformanceReport.JUnitFileName)).Root!;

            Assert.That(report.Totals, Is.EqualTo((4, 1, 1, 1, 1)));
            Assert.That((junit.Attribute("tests")!.Value, junit.Attribute("failures")!.Value, junit.Attribute("skipped")!.Value), Is.EqualTo(("4", "1", "2")));
            Assert.That(File.Exists(Path.Combine(folder, ConformanceReport.HtmlFileName)), Is.True);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Percentiles_are_nearest_rank()
    {
        var timing = ActionTiming.From("Reset", [5, 1, 4, 2, 3, 6, 7, 8, 9, 10]);

        Assert.That((timing.Count, timing.P50Ms, timing.P95Ms, timing.MaxMs), Is.EqualTo((10, 5.0, 10.0, 10.0)));
    }
}
