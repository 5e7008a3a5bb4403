using OcppLab.Csms.Stations;
using OcppLab.Csms.Tests.Support;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Core;

public sealed class AuthorizationAndTransactionTests
{
    [TestCase("VALID001", AuthorizationStatus.Accepted)]
    [TestCase("valid001", AuthorizationStatus.Accepted)]
    [TestCase("NOBODY", AuthorizationStatus.Invalid)]
    [TestCase("BLOCKED001", AuthorizationStatus.Blocked)]
    [TestCase("EXPIRED001", AuthorizationStatus.Expired)]
    public async Task Authorize_answers_the_status_of_the_id_tag(string idTag, AuthorizationStatus expected)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");

        var answer = await cp.CallAsync(new AuthorizeRequest { IdTag = idTag });

        Assert.That(answer.IdTagInfo.Status, Is.EqualTo(expected));
    }

    [Test]
    public async Task Authorize_returns_the_group_of_a_tag_as_its_parentIdTag()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");

        var answer = await cp.CallAsync(new AuthorizeRequest { IdTag = "MEMBER001" });

        Assert.That(answer.IdTagInfo.ParentIdTag, Is.EqualTo("GROUP001"));
    }

    [Test]
    public async Task A_tag_becomes_expired_when_the_clock_passes_its_expiry_date()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?>
        {
            ["Csms:IdTags:0:IdTag"] = "SOON",
            ["Csms:IdTags:0:ExpiryDate"] = "2026-03-01T09:00:00Z",
        });
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");

        var before = await cp.CallAsync(new AuthorizeRequest { IdTag = "SOON" });
        csms.Time.Advance(TimeSpan.FromHours(2));
        var after = await cp.CallAsync(new AuthorizeRequest { IdTag = "SOON" });

        Assert.That(before.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
        Assert.That(after.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Expired));
        Assert.That(after.IdTagInfo.ExpiryDate, Is.EqualTo(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Transaction_ids_increase_and_are_given_even_to_an_invalid_tag()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        var now = csms.Time.GetUtcNow();

        var first = await cp.CallAsync(Requests.Start(1, "VALID001", now));
        var second = await cp.CallAsync(Requests.Start(2, "NOBODY", now));

        Assert.That(first.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
        Assert.That(second.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Invalid));
        Assert.That(second.TransactionId, Is.GreaterThan(first.TransactionId));
    }

    [Test]
    public async Task A_tag_already_charging_elsewhere_gets_ConcurrentTx_but_still_a_transaction()
    {
        await using var csms = new CsmsFactory();
        await using var cp1 = await TestChargePoint.ConnectAsync(csms, "CP001");
        await using var cp2 = await TestChargePoint.ConnectAsync(csms, "CP002");
        var now = csms.Time.GetUtcNow();

        await cp1.CallAsync(Requests.Start(1, "VALID001", now));
        var concurrent = await cp2.CallAsync(Requests.Start(1, "VALID001", now));

        Assert.That(concurrent.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.ConcurrentTx));
        Assert.That(concurrent.TransactionId, Is.GreaterThan(0));
    }

    [Test]
    public async Task An_offline_start_in_the_past_is_accepted_with_its_own_timestamp()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        var anHourAgo = csms.Time.GetUtcNow().AddHours(-1);

        var start = await cp.CallAsync(Requests.Start(1, "VALID001", anHourAgo));

        var record = csms.Services.GetRequiredService<ITransactionStore>().Find(start.TransactionId);
        Assert.That(record!.StartTimestamp, Is.EqualTo(anHourAgo));
        Assert.That(record.StartReceivedAt, Is.EqualTo(csms.Time.GetUtcNow()));
    }

    [Test]
    public async Task A_full_session_keeps_meter_values_and_the_stop_reason_with_the_transaction()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        var now = csms.Time.GetUtcNow();
        var start = await cp.CallAsync(Requests.Start(1, "VALID001", now, meterStart: 1000));

        await cp.CallAsync(new MeterValuesRequest
        {
            ConnectorId = 1,
            TransactionId = start.TransactionId,
            MeterValue =
            [
                new MeterValue
                {
                    Timestamp = now.AddMinutes(1),
                    SampledValue =
                    [
                        new SampledValue { Value = "1500", Measurand = Measurand.EnergyActiveImportRegister, Unit = UnitOfMeasure.Wh },
                        new SampledValue { Value = "7200", Measurand = Measurand.PowerActiveImport, Unit = UnitOfMeasure.W },
                        new SampledValue { Value = "230.1", Measurand = Measurand.Voltage, Phase = Phase.L1N, Unit = UnitOfMeasure.V },
                    ],
                },
            ],
        });
        var stop = await cp.CallAsync(Requests.Stop(start.TransactionId, now.AddMinutes(2), meterStop: 2500, reason: Reason.EVDisconnected, idTag: "VALID001"));

        var record = csms.Services.GetRequiredService<ITransactionStore>().Find(start.TransactionId)!;
        Assert.That(stop.IdTagInfo!.Status, Is.EqualTo(AuthorizationStatus.Accepted));
        Assert.That(record.IsActive, Is.False);
        Assert.That(record.StopReason, Is.EqualTo(Reason.EVDisconnected));
        Assert.That(record.EnergyWh, Is.EqualTo(1500));
        Assert.That(record.MeterValues, Has.Count.EqualTo(1));
        Assert.That(record.MeterValues[0].SampledValue, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_stop_without_idTag_is_answered_without_idTagInfo_and_defaults_to_reason_Local()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        var start = await cp.CallAsync(Requests.Start(1, "VALID001", csms.Time.GetUtcNow()));

        var stop = await cp.CallAsync(Requests.Stop(start.TransactionId, csms.Time.GetUtcNow()));

        Assert.That(stop.IdTagInfo, Is.Null);
        Assert.That(csms.Services.GetRequiredService<ITransactionStore>().Find(start.TransactionId)!.StopReason, Is.EqualTo(Reason.Local));
    }

    [Test]
    public async Task A_stop_for_an_unknown_transaction_is_acknowledged_and_recorded()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");

        var stop = await cp.CallAsync(Requests.Stop(987654, csms.Time.GetUtcNow(), reason: Reason.PowerLoss, idTag: "VALID001"));

        var record = csms.Services.GetRequiredService<ITransactionStore>().Find(987654);
        Assert.That(stop.IdTagInfo!.Status, Is.EqualTo(AuthorizationStatus.Accepted));
        Assert.That(record!.StartUnknown, Is.True);
        Assert.That(record.StopReason, Is.EqualTo(Reason.PowerLoss));
    }

    [Test]
    public async Task A_transaction_started_on_an_earlier_connection_is_stopped_on_a_later_one_and_a_repeated_stop_is_counted_once()
    {
        await using var csms = new CsmsFactory();
        int transactionId;
        await using (var before = await TestChargePoint.ConnectAsync(csms, "CP001"))
        {
            transactionId = (await before.CallAsync(Requests.Start(1, "VALID001", csms.Time.GetUtcNow()))).TransactionId;
        }

        await using var after = await TestChargePoint.ConnectAsync(csms, "CP001");
        await after.CallAsync(Requests.Stop(transactionId, csms.Time.GetUtcNow(), meterStop: 3000, reason: Reason.Reboot));
        await after.CallAsync(Requests.Stop(transactionId, csms.Time.GetUtcNow(), meterStop: 9999, reason: Reason.Local));

        var record = csms.Services.GetRequiredService<ITransactionStore>().Find(transactionId)!;
        Assert.That(record.MeterStop, Is.EqualTo(3000));
        Assert.That(record.StopReason, Is.EqualTo(Reason.Reboot));
        Assert.That(record.DuplicateStops, Is.EqualTo(1));
    }

    [Test]
    public async Task A_start_resent_because_its_answer_was_lost_gets_the_same_transactionId_and_status_and_no_second_transaction()
    {
        await using var csms = new CsmsFactory();
        var startedAt = csms.Time.GetUtcNow();
        int first;
        await using (var before = await TestChargePoint.ConnectAsync(csms, "CP001"))
        {
            first = (await before.CallAsync(Requests.Start(1, "VALID001", startedAt, meterStart: 1234))).TransactionId;
        }

        // The station never saw that answer: it reconnects and sends the very same StartTransaction.req.
        csms.Time.Advance(TimeSpan.FromSeconds(30));
        await using var after = await TestChargePoint.ConnectAsync(csms, "CP001");
        var again = await after.CallAsync(Requests.Start(1, "VALID001", startedAt, meterStart: 1234));
        var otherConnector = await after.CallAsync(Requests.Start(2, "VALID002", startedAt, meterStart: 1234));
        var store = csms.Services.GetRequiredService<ITransactionStore>();

        Assert.Multiple(() =>
        {
            Assert.That(again.TransactionId, Is.EqualTo(first));
            Assert.That(again.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted), "not ConcurrentTx: it is the same transaction");
            Assert.That(otherConnector.TransactionId, Is.Not.EqualTo(first));
            Assert.That(store.All("CP001"), Has.Count.EqualTo(2));
            Assert.That(store.Find(first)!.DuplicateStarts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_new_start_on_the_same_connector_with_another_timestamp_is_a_new_transaction()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        var now = csms.Time.GetUtcNow();

        var first = await cp.CallAsync(Requests.Start(1, "VALID001", now));
        var second = await cp.CallAsync(Requests.Start(1, "VALID002", now.AddSeconds(5)));

        Assert.That(second.TransactionId, Is.Not.EqualTo(first.TransactionId));
        Assert.That(csms.Services.GetRequiredService<ITransactionStore>().Find(first.TransactionId)!.DuplicateStarts, Is.Zero);
    }

    [Test]
    public async Task Another_station_can_neither_stop_a_transaction_nor_add_meter_values_to_it()
    {
        await using var csms = new CsmsFactory();
        await using var owner = await TestChargePoint.ConnectAsync(csms, "OWNER");
        await using var intruder = await TestChargePoint.ConnectAsync(csms, "INTRUDER");
        var now = csms.Time.GetUtcNow();
        var start = await owner.CallAsync(Requests.Start(1, "VALID001", now));

        var foreign = await intruder.CallAsync(Requests.Stop(start.TransactionId, now, meterStop: 99, reason: Reason.Other));
        await intruder.CallAsync(new MeterValuesRequest
        {
            ConnectorId = 1,
            TransactionId = start.TransactionId,
            MeterValue = [new MeterValue { Timestamp = now, SampledValue = [new SampledValue { Value = "1" }] }],
        });
        var running = csms.Services.GetRequiredService<ITransactionStore>().Find(start.TransactionId)!;
        await owner.CallAsync(Requests.Stop(start.TransactionId, now, meterStop: 3000, reason: Reason.Local));
        var stopped = csms.Services.GetRequiredService<ITransactionStore>().Find(start.TransactionId)!;

        Assert.That(foreign, Is.Not.Null, "the foreign stop is still acknowledged, or its sender would retry it forever");
        Assert.That(running.IsActive, Is.True);
        Assert.That(running.ForeignStops, Is.EqualTo(1));
        Assert.That(running.MeterValues, Is.Empty);
        Assert.That(stopped.MeterStop, Is.EqualTo(3000));
        Assert.That(stopped.DuplicateStops, Is.Zero);
    }

    [Test]
    public async Task Status_notifications_are_kept_per_connector_including_connector_zero_and_faults()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");

        await cp.CallAsync(Requests.Status(0, ChargePointStatus.Available));
        await cp.CallAsync(Requests.Status(1, ChargePointStatus.SuspendedEVSE));
        await cp.CallAsync(Requests.Status(2, ChargePointStatus.Faulted, ChargePointErrorCode.ConnectorLockFailure));

        var station = csms.Services.GetRequiredService<ChargePointRegistry>().Find("CP001")!;
        Assert.That(station.Connectors.Keys, Is.EquivalentTo(new[] { 0, 1, 2 }));
        Assert.That(station.Connectors[1].Status, Is.EqualTo(ChargePointStatus.SuspendedEVSE));
        Assert.That(station.Connectors[2].ErrorCode, Is.EqualTo(ChargePointErrorCode.ConnectorLockFailure));
    }

    [TestCase("SomeoneElse", null, DataTransferStatus.UnknownVendorId)]
    [TestCase("OcppLab", null, DataTransferStatus.UnknownMessageId)]
    [TestCase("OcppLab", "Echo", DataTransferStatus.Accepted)]
    public async Task DataTransfer_is_answered_by_vendor_and_message(string vendorId, string? messageId, DataTransferStatus expected)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");

        var answer = await cp.CallAsync(new DataTransferRequest { VendorId = vendorId, MessageId = messageId, Data = "hello" });

        Assert.That(answer.Status, Is.EqualTo(expected));
    }
}
