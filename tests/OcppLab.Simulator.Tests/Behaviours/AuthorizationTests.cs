using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class AuthorizationTests
{
    private static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted };

    [Test]
    public async Task A_cached_tag_starts_without_authorize_when_local_pre_authorize_is_on()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.LocalPreAuthorize, "true"));
        await h.StartChargingAsync(1, "TAG1");
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        h.ChargePoint.Unplug(1);
        await h.SettleAsync();
        h.CentralSystem.Clear();

        await h.StartChargingAsync(1, "TAG1");

        Assert.That(h.CentralSystem.Actions, Does.Not.Contain("Authorize"));
        Assert.That(h.CentralSystem.Actions, Does.Contain("StartTransaction"));
    }

    [Test]
    public async Task Clear_cache_makes_the_next_card_authorize_again()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.LocalPreAuthorize, "true"));
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.SettleAsync();

        var cleared = await h.CallAsync(new ClearCacheRequest());
        h.CentralSystem.Clear();
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.SettleAsync();

        Assert.That(cleared.Status, Is.EqualTo(ClearCacheStatus.Accepted));
        Assert.That(h.CentralSystem.Actions, Does.Contain("Authorize"));
    }

    [Test]
    public async Task The_local_list_reports_zero_when_empty_and_follows_full_and_differential_versions()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        var emptyFull = await h.CallAsync(new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full });
        var emptyVersion = await h.CallAsync(new GetLocalListVersionRequest());
        await h.CallAsync(new SendLocalListRequest { ListVersion = 2, UpdateType = UpdateType.Full, LocalAuthorizationList = [new AuthorizationData { IdTag = "A", IdTagInfo = Accepted }] });
        var v2 = await h.CallAsync(new GetLocalListVersionRequest());
        var diff = await h.CallAsync(new SendLocalListRequest { ListVersion = 5, UpdateType = UpdateType.Differential, LocalAuthorizationList = [new AuthorizationData { IdTag = "B", IdTagInfo = Accepted }] });
        var older = await h.CallAsync(new SendLocalListRequest { ListVersion = 4, UpdateType = UpdateType.Differential, LocalAuthorizationList = [new AuthorizationData { IdTag = "C", IdTagInfo = Accepted }] });
        var v5 = await h.CallAsync(new GetLocalListVersionRequest());

        Assert.Multiple(() =>
        {
            Assert.That(emptyFull.Status, Is.EqualTo(UpdateStatus.Accepted));
            Assert.That(emptyVersion.ListVersion, Is.Zero);
            Assert.That(v2.ListVersion, Is.EqualTo(2));
            Assert.That(diff.Status, Is.EqualTo(UpdateStatus.Accepted));
            Assert.That(older.Status, Is.EqualTo(UpdateStatus.VersionMismatch));
            Assert.That(v5.ListVersion, Is.EqualTo(5));
            Assert.That(h.ChargePoint.LocalList.Find("B"), Is.Not.Null);
        });
    }

    [Test]
    public async Task A_disabled_local_list_reports_minus_one_and_not_supported()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.LocalAuthListEnabled, "false"));

        var version = await h.CallAsync(new GetLocalListVersionRequest());
        var send = await h.CallAsync(new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full });

        Assert.That(version.ListVersion, Is.EqualTo(-1));
        Assert.That(send.Status, Is.EqualTo(UpdateStatus.NotSupported));
    }

    [Test]
    public async Task A_failing_store_answers_failed()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.ChargePoint.LocalList.FailNextUpdate = true;

        var send = await h.CallAsync(new SendLocalListRequest { ListVersion = 2, UpdateType = UpdateType.Full });

        Assert.That(send.Status, Is.EqualTo(UpdateStatus.Failed));
    }

    [Test]
    public async Task A_tag_on_the_local_list_is_accepted_offline()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.LocalAuthorizeOffline, "true"));
        await h.CallAsync(new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [new AuthorizationData { IdTag = "LISTED", IdTagInfo = Accepted }] });
        h.ChargePoint.DropNetwork();

        h.ChargePoint.PlugIn(1);
        var status = await h.ChargePoint.PresentIdTagAsync(1, "LISTED");

        Assert.That(status, Is.EqualTo(AuthorizationStatus.Accepted));
        Assert.That(h.ChargePoint.TransactionOn(1), Is.Not.Null);
    }

    [Test]
    public async Task Another_tag_of_the_same_group_stops_the_transaction()
    {
        await using var h = new ChargePointHarness();
        h.CentralSystem.IdTags["TAG1"] = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET" };
        h.CentralSystem.IdTags["TAG2"] = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET" };
        await h.BootAsync();
        await h.StartChargingAsync(1, "TAG1");

        await h.ChargePoint.PresentIdTagAsync(1, "TAG2");
        await h.SettleAsync();

        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().IdTag, Is.EqualTo("TAG2"));
    }

    [Test]
    public async Task Another_tag_without_a_group_is_ignored_without_authorize()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1, "TAG1");
        h.CentralSystem.Clear();

        await h.ChargePoint.PresentIdTagAsync(1, "TAG2");
        await h.SettleAsync();

        Assert.That(h.CentralSystem.Actions, Is.Empty);
    }
}
