using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.Csms.Transactions;
using OcppLab.Dashboard.Tests.Support;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Tests.Shared;
using OpenQA.Selenium;

namespace OcppLab.Dashboard.Tests;

/// <summary>The dashboard in headless Chromium against a Central System on a loopback port.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DashboardPageTests
{
    private DashboardHost host = null!;
    private Browser browser = null!;

    [SetUp]
    public async Task StartAsync()
    {
        host = new DashboardHost();
        _ = host.BaseUri;
        browser = await Browser.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        browser?.Dispose();
        await host.DisposeAsync();
    }

    [Test]
    public void With_no_station_the_page_says_how_to_connect_one()
    {
        browser.Driver.Navigate().GoToUrl(host.BaseUri);

        var empty = browser.WaitForVisible(By.CssSelector("#stations-body .empty-state"), "the empty state");
        Assert.That(empty.Text, Does.Contain("No charge point has connected yet").And.Contain($"{host.OcppUrl}/{{chargePointId}}"));
        browser.WaitFor(d => d.FindElement(By.Id("stream-state")).Text == "Live stream: open, no frame yet", "the open, quiet live stream");
        Assert.That(browser.Driver.FindElement(By.Id("tx-body")).Text, Is.EqualTo("No transaction is running."));
    }

    [Test]
    public async Task A_station_appears_is_started_from_the_page_and_shows_charging()
    {
        browser.Driver.Navigate().GoToUrl(host.BaseUri);
        browser.WaitForVisible(By.CssSelector("#stations-body .empty-state"), "the empty state");

        await using var charging = await StartStationAsync("DASH-CP-01");
        await using var idle = await StartStationAsync("DASH-CP-02");

        var openButton = By.CssSelector("tr[data-station='DASH-CP-01'] button.link");
        browser.WaitFor(d => d.FindElement(openButton).GetAttribute("aria-label") == "Open DASH-CP-01 (online)", "DASH-CP-01 online in the list");
        browser.WaitForVisible(By.CssSelector("tr[data-station='DASH-CP-02']"), "DASH-CP-02 in the list");
        browser.Click(openButton, "DASH-CP-01 in the list");
        browser.WaitFor(d => d.FindElement(By.CssSelector("[data-testid='station-state']")).Text == "Online", "the station online in its detail");

        Submit("remote-start", ("idTag", "VALID001"), ("connectorId", "1"));
        var answer = browser.WaitFor(d => Answer(d, "remote-start", "ok"), "the remote start answer")!;
        Assert.That(answer.Text, Does.Contain("Accepted · transaction 1 on connector 1"));

        browser.WaitFor(d => d.FindElement(By.CssSelector("[data-testid='connector-1-status']")).Text == "Charging", "connector 1 Charging");
        browser.WaitForVisible(By.CssSelector("#tx-body tr[data-transaction]"), "a running transaction");

        Submit("trigger", ("requestedMessage", "MeterValues"), ("connectorId", "1"));
        browser.WaitFor(d => Answer(d, "trigger", "ok"), "the trigger answer");
        browser.WaitFor(d => d.FindElement(By.CssSelector("#tx-body tr[data-transaction]")).Text.Contains("11.0 kW", StringComparison.Ordinal), "power of the running transaction");

        browser.Click(By.XPath("//tbody[@id='log-rows']/tr[td[4]='CALL' and td[5]='RemoteStartTransaction']"), "RemoteStartTransaction in the frame log");
        Assert.That(browser.Driver.FindElement(By.Id("log-payload")).Text, Does.Contain("VALID001"));

        SaveScreenshot();
    }

    [Test]
    public async Task A_refused_request_shows_the_reason_next_to_its_form()
    {
        browser.Driver.Navigate().GoToUrl(host.BaseUri);
        await using var station = await StartStationAsync("DASH-CP-03");
        browser.Click(By.CssSelector("tr[data-station='DASH-CP-03'] button.link"), "DASH-CP-03 in the list");

        Submit("raw-call", ("action", "NoSuchAction"));
        var answer = browser.WaitFor(d => Answer(d, "raw-call", "error"), "the refusal")!;

        Assert.That(answer.Text, Does.Contain("Not sent").And.Contain("'NoSuchAction' is not an OCPP 1.6 action"));
    }

    [Test]
    public async Task A_charging_profile_set_from_the_page_comes_back_as_a_step_chart()
    {
        browser.Driver.Navigate().GoToUrl(host.BaseUri);
        await using var station = await StartStationAsync("DASH-CP-04");
        browser.Click(By.CssSelector("tr[data-station='DASH-CP-04'] button.link"), "DASH-CP-04 in the list");

        Submit("set-profile", ("connectorId", "1"), ("periods", "0:32, 1200:16, 2400:24"));
        Assert.That(browser.WaitFor(d => Answer(d, "set-profile", "ok"), "the profile answer")!.Text, Does.Contain("Accepted"));
        Submit("composite", ("connectorId", "1"), ("duration", "3600"));
        browser.WaitFor(d => Answer(d, "composite", "ok"), "the composite schedule");

        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dashboard-composite.png");
        browser.Driver.ExecuteScript("document.getElementById('form-composite').scrollIntoView()");
        browser.Screenshot(path);
        TestContext.AddTestAttachment(path, "A composite schedule drawn as a step chart");

        // The station composes its own schedule; the Central System's has one horizontal step per period of the profile.
        var answered = browser.Driver.FindElement(By.CssSelector("#form-composite svg.schedule path.step.station"));
        var computed = browser.Driver.FindElement(By.CssSelector("#form-composite svg.schedule path.step.computed"));
        Assert.That(answered.GetAttribute("d"), Does.StartWith("M"));
        Assert.That(computed.GetAttribute("d")!.Count(c => c == 'M'), Is.EqualTo(3));
    }

    [Test]
    public void Transaction_anomalies_show_under_the_running_transactions_by_kind()
    {
        browser.Driver.Navigate().GoToUrl(host.BaseUri);
        browser.WaitFor(d => d.FindElement(By.Id("tx-anomalies")).Text == "Transaction anomalies: none.", "the quiet anomaly line");

        // A second start on a connector whose transaction never stopped supersedes it.
        var transactions = host.Services.GetRequiredService<ITransactionStore>();
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        transactions.Start("DASH-CP-05", 1, "VALID001", 0, at, null, AuthorizationStatus.Accepted, at);
        transactions.Start("DASH-CP-05", 1, "VALID001", 500, at.AddHours(1), null, AuthorizationStatus.Accepted, at.AddHours(1));

        var line = browser.WaitFor(d => d.FindElement(By.Id("tx-anomalies")) is { } e && e.GetAttribute("data-count") == "1" ? e : null, "the anomaly counted")!;
        Assert.That(line.Text, Is.EqualTo("Transaction anomalies: 1 — 1 superseded on their connector. Details in the server log."));
    }

    private static IWebElement? Answer(IWebDriver driver, string action, string outcome) =>
        driver.FindElements(By.CssSelector($"#form-{action} output.answer.{outcome}")).FirstOrDefault(e => e.Displayed && e.Text.Length > 0);

    private void Submit(string action, params (string Name, string Value)[] fields)
    {
        var group = browser.WaitForVisible(By.CssSelector($"details[data-action='{action}'] > summary"), $"the {action} form");
        if (group.FindElement(By.XPath("..")).GetAttribute("open") is null)
        {
            group.Click();
        }

        foreach (var (name, value) in fields)
        {
            var input = browser.Driver.FindElement(By.Id($"{action}-{name}"));
            if (input.TagName == "select")
            {
                input.FindElement(By.CssSelector($"option[value='{value}']")).Click();
            }
            else
            {
                input.Clear();
                input.SendKeys(value);
            }
        }

        browser.Driver.FindElement(By.CssSelector($"#form-{action} button[type='submit']")).Click();
    }

    private async Task<NodePeer> StartStationAsync(string id)
    {
        var peer = await NodePeer.StartAsync("charge-point.mjs", "--url", host.OcppUrl, "--id", id, "--script", "boot", "--serve-seconds", "120");
        await peer.WaitForAsync(e => e.TryGetProperty("event", out var name) && name.GetString() == "ready", TimeSpan.FromSeconds(30), $"{id} booted");
        return peer;
    }

    private void SaveScreenshot()
    {
        // The overview for the README: the top of the page, the trigger form folded away again.
        browser.Click(By.CssSelector("details[data-action='trigger'] > summary"), "the trigger form's title");
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(1440, 1800);
        browser.Driver.ExecuteScript("window.scrollTo(0, 0)");
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dashboard.png");
        browser.Screenshot(path);
        TestContext.AddTestAttachment(path, "The dashboard with one station charging");
        if (Environment.GetEnvironmentVariable("OCPPLAB_UPDATE_SCREENSHOT") == "1")
        {
            var docs = Path.Combine(NodePeer.RepositoryRoot(), "docs");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, "dashboard.png"), overwrite: true);
        }
    }
}
