using System.Xml.Linq;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Reports;
using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Tests.Fleet;

public sealed class ThresholdTests
{
    [TestCase("p99(Authorize)<500ms", true)]
    [TestCase("p99(Authorize)<40ms", false)]
    [TestCase("p50(Authorize)<=0.003s", true)]
    [TestCase("max(connect)<1s", true)]
    [TestCase("avg(StartTransaction)<1s", false)]
    [TestCase("errors<0.1%", true)]
    [TestCase("errors==0", false)]
    [TestCase("connected>=99%", false)]
    [TestCase("connected>=90%", true)]
    [TestCase("booted>=9", true)]
    public void A_threshold_is_judged_on_the_report(string threshold, bool passes)
    {
        var verdict = Threshold.Parse(threshold).Evaluate(Report());

        Assert.That(verdict.Passed, Is.EqualTo(passes), verdict.Shown);
    }

    [Test]
    public void A_threshold_on_an_action_never_measured_fails_and_says_so()
    {
        var verdict = Threshold.Parse("avg(StartTransaction)<1s").Evaluate(Report());

        Assert.That(verdict.Passed, Is.False);
        Assert.That(verdict.Shown, Is.EqualTo("no StartTransaction was measured"));
    }

    [TestCase("p99<500ms", "p99 needs the action it measures")]
    [TestCase("p99(Authorize)<5%", "a latency is compared in ms or s")]
    [TestCase("errors<5ms", "errors is a count or a share (%)")]
    [TestCase("p42(Authorize)<1s", "is not a threshold like")]
    [TestCase("connected(Boot)>1", "connected takes no action")]
    public void A_bad_threshold_names_what_is_wrong(string threshold, string message)
    {
        var error = Assert.Throws<FormatException>(() => Threshold.Parse(threshold));
        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void JUnit_has_one_test_case_per_threshold_and_a_failure_for_each_failed_one()
    {
        var report = Report();
        var verdicts = new[] { "p99(Authorize)<500ms", "errors==0" }.Select(t => Threshold.Parse(t).Evaluate(report)).ToList();

        var xml = JUnitWriter.Document(verdicts, 60, report.StartedAt);

        var cases = xml.Descendants("testcase").ToList();
        Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "p99(Authorize)<500ms", "errors==0" }));
        Assert.That(cases[0].Element("failure"), Is.Null);
        Assert.That((string?)cases[1].Element("failure")?.Attribute("message"), Is.EqualTo("errors==0 failed: observed 17"));
        Assert.That((string?)xml.Root!.Element("testsuite")!.Attribute("failures"), Is.EqualTo("1"));
    }

    /// <summary>The report writers' example run, with 9 of its 10 charge points connected and booted.</summary>
    private static FleetReport Report() =>
        ReportWriterTests.Report() with { ChargersPoweredOn = 10, ChargersConnected = 9, ChargersBooted = 9 };
}
