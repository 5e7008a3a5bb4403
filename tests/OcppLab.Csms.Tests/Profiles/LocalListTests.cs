using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Profiles;

/// <summary>Local Auth List Management (OCPP 1.6 §5.10, §5.15; TC_042, TC_043) through the operator API.</summary>
public sealed class LocalListTests
{
    [TestCase(-1)]
    [TestCase(0)]
    [TestCase(7)]
    public async Task The_version_the_station_reports_is_returned_and_kept(int version)
    {
        var script = new StationScript().On<GetLocalListVersionRequest, GetLocalListVersionResponse>(_ => new() { ListVersion = version });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/local-list/version", "");
        var (_, list) = await Api.GetAsync(http, "/api/charge-points/CP001/local-list");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("listVersion").GetInt32(), Is.EqualTo(version));
        Assert.That(list.GetProperty("reportedVersion").GetInt32(), Is.EqualTo(version));
    }

    [Test]
    public async Task A_Full_update_carries_every_id_tag_each_with_its_idTagInfo_and_a_version_above_the_reported_one()
    {
        var sent = new ConcurrentQueue<SendLocalListRequest>();
        var script = new StationScript()
            .On<GetLocalListVersionRequest, GetLocalListVersionResponse>(_ => new() { ListVersion = 4 })
            .On<SendLocalListRequest, SendLocalListResponse>(r =>
            {
                sent.Enqueue(r);
                return new() { Status = UpdateStatus.Accepted };
            });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/local-list/version", "");
        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full"}""");
        var request = sent.Single();
        var entries = request.LocalAuthorizationList!.ToDictionary(e => e.IdTag);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(request.UpdateType, Is.EqualTo(UpdateType.Full));
        Assert.That(request.ListVersion, Is.EqualTo(5));
        Assert.That(entries, Has.Count.EqualTo(8));
        Assert.That(entries.Values, Has.All.Matches<AuthorizationData>(e => e.IdTagInfo is not null));
        Assert.That(entries["BLOCKED001"].IdTagInfo!.Status, Is.EqualTo(AuthorizationStatus.Blocked));
        Assert.That(entries["EXPIRED001"].IdTagInfo!.Status, Is.EqualTo(AuthorizationStatus.Expired));
        Assert.That(entries["MEMBER001"].IdTagInfo!.ParentIdTag, Is.EqualTo("GROUP001"));
        Assert.That(body.GetProperty("list").GetProperty("acceptedVersion").GetInt32(), Is.EqualTo(5));
    }

    [TestCase(UpdateStatus.Failed)]
    [TestCase(UpdateStatus.NotSupported)]
    [TestCase(UpdateStatus.VersionMismatch)]
    public async Task A_refused_update_is_reported_and_leaves_the_known_list_as_it_was(UpdateStatus answer)
    {
        var script = new StationScript().On<SendLocalListRequest, SendLocalListResponse>(_ => new() { Status = answer });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (_, body) = await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full","listVersion":3}""");

        Assert.That(body.GetProperty("updates")[0].GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
        Assert.That(body.GetProperty("list").TryGetProperty("acceptedVersion", out _), Is.False);
        Assert.That(body.GetProperty("list").GetProperty("entries").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_Differential_update_sends_only_changed_entries_with_idTagInfo_and_removed_ones_without()
    {
        var sent = new ConcurrentQueue<SendLocalListRequest>();
        var script = new StationScript().On<SendLocalListRequest, SendLocalListResponse>(r =>
        {
            sent.Enqueue(r);
            return new() { Status = UpdateStatus.Accepted };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full","idTags":["VALID001","VALID002","VALID003"]}""");
        using var block = await http.PutAsJsonAsync("/api/id-tags/VALID002", new { status = "Blocked" });
        var (_, body) = await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Differential","idTags":["VALID001","VALID002","MEMBER001"]}""");
        var differential = sent.Last();
        var entries = differential.LocalAuthorizationList!.ToDictionary(e => e.IdTag);

        Assert.That(differential.UpdateType, Is.EqualTo(UpdateType.Differential));
        Assert.That(differential.ListVersion, Is.EqualTo(sent.First().ListVersion + 1));
        Assert.That(entries.Keys, Is.EquivalentTo(new[] { "VALID002", "VALID003", "MEMBER001" }));
        Assert.That(entries["VALID002"].IdTagInfo!.Status, Is.EqualTo(AuthorizationStatus.Blocked));
        Assert.That(entries["VALID003"].IdTagInfo, Is.Null);
        Assert.That(body.GetProperty("list").GetProperty("entries").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task An_update_larger_than_SendLocalListMaxLength_is_split_after_reading_the_limits_once()
    {
        var sent = new ConcurrentQueue<SendLocalListRequest>();
        var reads = 0;
        var script = new StationScript()
            .On<GetConfigurationRequest, GetConfigurationResponse>(_ =>
            {
                Interlocked.Increment(ref reads);
                return new()
                {
                    ConfigurationKey =
                    [
                        new KeyValue { Key = "SendLocalListMaxLength", Readonly = true, Value = "3" },
                        new KeyValue { Key = "LocalAuthListMaxLength", Readonly = true, Value = "20" },
                    ],
                };
            })
            .On<SendLocalListRequest, SendLocalListResponse>(r =>
            {
                sent.Enqueue(r);
                return new() { Status = UpdateStatus.Accepted };
            });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (_, body) = await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full","listVersion":10}""");
        await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full"}""");
        var first = sent.Take(3).ToList();

        Assert.That(reads, Is.EqualTo(1));
        Assert.That(first.Select(r => r.LocalAuthorizationList!.Count), Is.EqualTo(new[] { 3, 3, 2 }));
        Assert.That(first.Select(r => r.UpdateType), Is.EqualTo(new[] { UpdateType.Full, UpdateType.Differential, UpdateType.Differential }));
        Assert.That(first.Select(r => r.ListVersion), Is.EqualTo(new[] { 10, 11, 12 }));
        Assert.That(sent.ElementAt(3).ListVersion, Is.EqualTo(13));
        Assert.That(body.GetProperty("sendLocalListMaxLength").GetInt32(), Is.EqualTo(3));
        Assert.That(body.GetProperty("list").GetProperty("entries").GetArrayLength(), Is.EqualTo(8));
    }

    [Test]
    public async Task The_limits_are_read_again_after_the_station_reboots()
    {
        var sent = new ConcurrentQueue<SendLocalListRequest>();
        var reads = 0;
        var perMessage = "3";
        var script = new StationScript()
            .On<GetConfigurationRequest, GetConfigurationResponse>(_ =>
            {
                Interlocked.Increment(ref reads);
                return new() { ConfigurationKey = [new KeyValue { Key = "SendLocalListMaxLength", Readonly = true, Value = perMessage }], UnknownKey = ["LocalAuthListMaxLength"] };
            })
            .On<SendLocalListRequest, SendLocalListResponse>(r =>
            {
                sent.Enqueue(r);
                return new() { Status = UpdateStatus.Accepted };
            });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full","idTags":["VALID001","VALID002","VALID003","MEMBER001"]}""");
        perMessage = "10";
        csms.Time.Advance(TimeSpan.FromMinutes(1));
        await cp.CallAsync(Requests.Boot());
        var before = sent.Count;
        await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full","idTags":["VALID001","VALID002","VALID003","MEMBER001"]}""");

        Assert.That(reads, Is.EqualTo(2), "read once, then again after the boot");
        Assert.That(before, Is.EqualTo(2), "4 entries at 3 a message");
        Assert.That(sent.Skip(before).Select(r => r.LocalAuthorizationList!.Count), Is.EqualTo(new[] { 4 }), "one message at 10 a message");
    }

    [Test]
    public async Task A_list_longer_than_LocalAuthListMaxLength_is_a_400_and_nothing_is_sent()
    {
        var script = new StationScript().On<GetConfigurationRequest, GetConfigurationResponse>(_ => new()
        {
            ConfigurationKey = [new KeyValue { Key = "LocalAuthListMaxLength", Readonly = true, Value = "2" }],
            UnknownKey = ["SendLocalListMaxLength"],
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, problem) = await Api.PostAsync(http, "/api/charge-points/CP001/local-list", """{"updateType":"Full"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.Detail(problem), Does.Contain("LocalAuthListMaxLength"));
        Assert.That(cp.Received.Select(r => r.Action), Has.None.EqualTo("SendLocalList"));
    }

    [TestCase("""{"updateType":"Partial"}""", "updateType")]
    [TestCase("""{"updateType":"Full","listVersion":0}""", "listVersion")]
    [TestCase("""{"updateType":"Full","idTags":["NOBODY99"]}""", "NOBODY99")]
    public async Task A_bad_update_is_a_400_that_names_the_value(string json, string named)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (status, problem) = await Api.PostAsync(http, "/api/charge-points/CP001/local-list", json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(Api.Detail(problem), Does.Contain(named));
    }
}
