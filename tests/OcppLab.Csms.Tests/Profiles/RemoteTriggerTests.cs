using System.Net;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Profiles;

/// <summary>Remote Trigger (OCPP 1.6 §5.17; TC_054, TC_055) through the operator API.</summary>
public sealed class RemoteTriggerTests
{
    [Test]
    public async Task Every_requestedMessage_is_sent_and_every_answer_comes_back(
        [Values] MessageTrigger requested,
        [Values(TriggerMessageStatus.Accepted, TriggerMessageStatus.Rejected, TriggerMessageStatus.NotImplemented)] TriggerMessageStatus answer)
    {
        TriggerMessageRequest? seen = null;
        var script = new StationScript().On<TriggerMessageRequest, TriggerMessageResponse>(r =>
        {
            seen = r;
            return new() { Status = answer };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/trigger-message", $$"""{"requestedMessage":"{{requested}}","connectorId":1}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
        Assert.That(seen!.RequestedMessage, Is.EqualTo(requested));
    }

    [Test]
    public async Task A_connector_the_station_does_not_have_is_sent_as_given_and_Rejected_comes_back()
    {
        var script = new StationScript().On<TriggerMessageRequest, TriggerMessageResponse>(r => new() { Status = r.ConnectorId > 2 ? TriggerMessageStatus.Rejected : TriggerMessageStatus.Accepted });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (_, body) = await Api.PostAsync(http, "/api/charge-points/CP001/trigger-message", """{"requestedMessage":"MeterValues","connectorId":3}""");

        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
    }

    [Test]
    public async Task The_triggered_message_is_acknowledged_by_the_Central_System()
    {
        var script = new StationScript().On<TriggerMessageRequest, TriggerMessageResponse>((cp, r) =>
        {
            _ = Task.Run(() => cp.CallAsync(new HeartbeatRequest()));
            return new() { Status = TriggerMessageStatus.Accepted };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/trigger-message", """{"requestedMessage":"Heartbeat"}""");
        var station = await ReadModel.WaitUntilAsync(http, "CP001", s => s.TryGetProperty("lastHeartbeat", out _));

        Assert.That(station.GetProperty("lastHeartbeat").GetDateTimeOffset(), Is.EqualTo(csms.Time.GetUtcNow()));
    }
}
