using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.OperatorApi;

public sealed class ReadModelTests
{
    [Test]
    public async Task A_station_shows_its_boot_details_connectors_and_running_transaction()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        await cp.CallAsync(Requests.Boot(vendor: "Acme", model: "Wallbox 22"));
        await cp.CallAsync(Requests.Status(0, ChargePointStatus.Available));
        await cp.CallAsync(Requests.Status(1, ChargePointStatus.Charging));
        var start = await cp.CallAsync(Requests.Start(1, "VALID001", csms.Time.GetUtcNow()));
        using var http = csms.CreateClient();

        var station = await http.GetFromJsonAsync<JsonElement>("/api/charge-points/CP001");

        Assert.That(station.GetProperty("connected").GetBoolean(), Is.True);
        Assert.That(station.GetProperty("registration").GetString(), Is.EqualTo("Accepted"));
        Assert.That(station.GetProperty("lastBoot").GetProperty("chargePointVendor").GetString(), Is.EqualTo("Acme"));
        Assert.That(station.GetProperty("connectors")[1].GetProperty("status").GetString(), Is.EqualTo("Charging"));
        Assert.That(station.GetProperty("activeTransactions")[0].GetProperty("transactionId").GetInt32(), Is.EqualTo(start.TransactionId));
    }

    [Test]
    public async Task The_station_list_is_paged_and_filtered()
    {
        await using var csms = new CsmsFactory();
        await using var a = await TestChargePoint.ConnectAsync(csms, "CP-A");
        await using var b = await TestChargePoint.ConnectAsync(csms, "CP-B");
        await using var c = await TestChargePoint.ConnectAsync(csms, "OTHER");
        using var http = csms.CreateClient();

        var page = await http.GetFromJsonAsync<JsonElement>("/api/charge-points?search=CP-&limit=1&offset=1");

        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(2));
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(page.GetProperty("items")[0].GetProperty("id").GetString(), Is.EqualTo("CP-B"));
    }

    [Test]
    public async Task Transactions_are_listed_newest_first_with_their_stop_data()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        var now = csms.Time.GetUtcNow();
        var first = await cp.CallAsync(Requests.Start(1, "VALID001", now));
        await cp.CallAsync(Requests.Stop(first.TransactionId, now, meterStop: 4000, reason: Reason.Remote));
        var second = await cp.CallAsync(Requests.Start(1, "VALID002", now));
        using var http = csms.CreateClient();

        var all = await http.GetFromJsonAsync<JsonElement>("/api/transactions?chargePointId=CP001");
        var running = await http.GetFromJsonAsync<JsonElement>("/api/transactions?active=true");
        var stopped = await http.GetFromJsonAsync<JsonElement>($"/api/transactions/{first.TransactionId}");

        Assert.That(all.GetProperty("items")[0].GetProperty("transactionId").GetInt32(), Is.EqualTo(second.TransactionId));
        Assert.That(running.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That(stopped.GetProperty("stopReason").GetString(), Is.EqualTo("Remote"));
        Assert.That(stopped.GetProperty("energyWh").GetInt32(), Is.EqualTo(3000));
    }

    [Test]
    public async Task An_unknown_station_or_transaction_is_a_404_problem()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        using var station = await http.GetAsync("/api/charge-points/NOPE");
        using var transaction = await http.GetAsync("/api/transactions/424242");

        Assert.That(station.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(transaction.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(station.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }
}
