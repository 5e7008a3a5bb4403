using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.Persistence;
using OcppLab.Csms.Reservations;
using OcppLab.Csms.Security;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Persistence;

/// <summary>
/// Each durable store, written through one <see cref="CsmsDatabase"/> and read back through a fresh one on
/// the same directory: what a restarted Central System finds.
/// </summary>
public sealed class DurableStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Path.Combine(Path.GetTempPath(), "ocpplab-state-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveDirectory()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Transactions_come_back_with_their_meter_values_stops_and_counters_and_new_ids_continue_after_the_last_one()
    {
        int running, stopped, unknown;
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, firstTransactionId: 100);
            running = store.Start("CP1", 1, "TAG1", 1000, Now, reservationId: 7, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
            store.AddMeterValues("CP1", running, [Sample(Now.AddMinutes(1), "1500")]);
            store.AddMeterValues("CP1", running, [Sample(Now.AddMinutes(2), "2000")]);
            Assert.That(store.AddMeterValues("CP2", running, [Sample(Now, "1")]), Is.False, "another station's meter values are refused");
            store.Stop("CP2", running, 9, Now, Reason.Other, null, [], Now);
            store.RecordRetransmittedStart(running);

            stopped = store.Start("CP1", 2, "TAG2", 0, Now, null, AuthorizationStatus.Invalid, Now).Transaction.TransactionId;
            store.Stop("CP1", stopped, 400, Now.AddMinutes(5), Reason.DeAuthorized, "TAG2", [Sample(Now.AddMinutes(5), "400")], Now.AddMinutes(5));
            store.Stop("CP1", stopped, 999, Now.AddMinutes(6), Reason.Local, null, [Sample(Now.AddMinutes(6), "999")], Now.AddMinutes(6));

            unknown = 5000;
            store.Stop("CP3", unknown, 3000, Now, Reason.PowerLoss, null, [], Now);
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, firstTransactionId: 100);
            var first = store.Find(running)!;
            var second = store.Find(stopped)!;
            var third = store.Find(unknown)!;
            var runningAfterRestart = store.Active().Select(t => t.TransactionId).ToList();
            var next = store.Start("CP1", 1, "TAG3", 0, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;

            Assert.Multiple(() =>
            {
                Assert.That(running, Is.EqualTo(100));
                Assert.That(first.IsActive, Is.True);
                Assert.That(first.ReservationId, Is.EqualTo(7));
                Assert.That(first.StartTimestamp, Is.EqualTo(Now));
                Assert.That(first.MeterValues.Select(v => v.SampledValue[0].Value), Is.EqualTo(new[] { "1500", "2000" }));
                Assert.That(first.ForeignStops, Is.EqualTo(1));
                Assert.That(first.DuplicateStarts, Is.EqualTo(1));
                Assert.That(runningAfterRestart, Does.Contain(running));

                Assert.That(second.IsActive, Is.False);
                Assert.That(second.StartAuthorization, Is.EqualTo(AuthorizationStatus.Invalid));
                Assert.That(second.MeterStop, Is.EqualTo(400), "the first stop wins");
                Assert.That(second.StopReason, Is.EqualTo(Reason.DeAuthorized));
                Assert.That(second.StopIdTag, Is.EqualTo("TAG2"));
                Assert.That(second.DuplicateStops, Is.EqualTo(1));
                Assert.That(second.MeterValues.Select(v => v.SampledValue[0].Value), Is.EqualTo(new[] { "400" }), "a repeated stop's transactionData is not applied");

                Assert.That(third.StartUnknown, Is.True);
                Assert.That(third.StopReason, Is.EqualTo(Reason.PowerLoss));

                Assert.That(next, Is.EqualTo(102), "ids are never handed out twice, even after a restart");
                Assert.That(store.FindStart("CP1", 1, "TAG1", 1000, Now), Is.Null, "the newer start on connector 1 is the one a retransmission could repeat");
                Assert.That(store.FindStart("CP1", 1, "TAG3", 0, Now)?.TransactionId, Is.EqualTo(next));
            });
        }
    }

    [Test]
    public void Stopped_transactions_let_go_from_memory_stay_in_the_database_and_a_late_repeated_stop_does_not_overwrite_them()
    {
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, 1, keepStopped: 1);
            var first = store.Start("CP1", 1, "TAG1", 0, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
            store.AddMeterValues("CP1", first, [Sample(Now, "100")]);
            store.Stop("CP1", first, 500, Now.AddMinutes(1), Reason.Local, null, [], Now.AddMinutes(1));
            var second = store.Start("CP1", 1, "TAG1", 500, Now.AddMinutes(2), null, AuthorizationStatus.Accepted, Now.AddMinutes(2)).Transaction.TransactionId;
            store.Stop("CP1", second, 900, Now.AddMinutes(3), Reason.Local, null, [], Now.AddMinutes(3));

            Assert.That(store.All().Select(t => t.TransactionId), Is.EqualTo(new[] { second }), "only the latest stopped one stays in memory");
            Assert.That(store.Find(first)?.MeterStop, Is.EqualTo(500), "a let-go transaction is still found, in the database");
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, 1, keepStopped: 1);
            var repeated = store.Stop("CP1", 1, 999, Now.AddMinutes(9), Reason.Other, null, [Sample(Now.AddMinutes(9), "999")], Now.AddMinutes(9));

            Assert.Multiple(() =>
            {
                Assert.That(repeated.Transaction.StartUnknown, Is.False);
                Assert.That(repeated.Transaction.DuplicateStops, Is.EqualTo(1));
                Assert.That(store.Find(1)?.MeterStop, Is.EqualTo(500));
                Assert.That(store.Find(1)?.MeterValues.Select(v => v.SampledValue[0].Value), Is.EqualTo(new[] { "100" }));
                Assert.That(store.Counts(), Is.EqualTo(new TransactionCounts(2, 2, 0, 0, 1, 0, 1, 0, 1, 0, 0)), "counted across the restart, let-go ones included");
            });
        }
    }

    [Test]
    public void A_superseded_transaction_and_one_running_at_a_reboot_come_back_as_such_and_stay_counted()
    {
        int superseded, successor, atReboot;
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, 1);
            superseded = store.Start("CP1", 1, "TAG1", 100, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
            successor = store.Start("CP1", 1, "TAG2", 700, Now.AddMinutes(5), null, AuthorizationStatus.Accepted, Now.AddMinutes(5)).Transaction.TransactionId;
            atReboot = store.Start("CP2", 1, "TAG3", 0, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
            Assert.That(store.MarkRunningAtReboot("CP2", Now.AddMinutes(9)).Select(t => t.TransactionId), Is.EqualTo(new[] { atReboot }));
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, 1);
            var closed = store.Find(superseded)!;
            var counted = store.Counts();
            var markedAgain = store.MarkRunningAtReboot("CP2", Now.AddMinutes(11));
            var late = store.Stop("CP1", superseded, 650, Now.AddMinutes(4), Reason.EVDisconnected, null, [], Now.AddMinutes(12));

            Assert.Multiple(() =>
            {
                Assert.That(closed.SupersededBy, Is.EqualTo(successor));
                Assert.That(closed.IsActive, Is.False);
                Assert.That(closed.ClosedWithoutStop, Is.True);
                Assert.That(closed.StopTimestamp, Is.EqualTo(Now.AddMinutes(5)));
                Assert.That(store.Find(atReboot)!.RunningAtReboot, Is.EqualTo(Now.AddMinutes(9)));
                Assert.That(store.Active().Select(t => t.TransactionId), Is.EquivalentTo(new[] { successor, atReboot }));
                Assert.That((counted.Superseded, counted.RunningAtReboot, counted.Stopped, counted.Running), Is.EqualTo((1L, 1L, 1L, 2)));
                Assert.That(markedAgain, Is.Empty, "a transaction counts once as running at a reboot");
                Assert.That(late.Outcome, Is.EqualTo(StopOutcome.StoppedAfterSuperseded));
                Assert.That(store.Counts().Stopped, Is.EqualTo(1), "a superseded transaction was counted as stopped when it was closed");
            });
        }

        using (var database = new CsmsDatabase(directory))
        {
            var late = new DurableTransactionStore(database, 1).Find(superseded)!;
            Assert.That((late.MeterStop, late.StopReason, late.SupersededBy), Is.EqualTo(((int?)650, (Reason?)Reason.EVDisconnected, (int?)successor)));
        }
    }

    [Test]
    public void A_retransmitted_start_of_a_transaction_from_before_the_restart_is_recognised()
    {
        using (var database = new CsmsDatabase(directory))
        {
            new DurableTransactionStore(database, 1).Start("CP1", 1, "TAG1", 1000, Now, null, AuthorizationStatus.Accepted, Now);
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, 1);

            Assert.That(store.FindStart("CP1", 1, "tag1", 1000, Now)?.TransactionId, Is.EqualTo(1), "idTag is a CiString");
            Assert.That(store.FindStart("CP1", 1, "TAG1", 1001, Now), Is.Null);
            Assert.That(store.FindStart("CP1", 1, "TAG1", 1000, Now.AddSeconds(1)), Is.Null);
            Assert.That(store.FindStart("CP2", 1, "TAG1", 1000, Now), Is.Null);
        }
    }

    [Test]
    public void Id_tags_keep_operator_edits_and_configuration_only_adds_the_tags_the_directory_lacks()
    {
        IdTagRecord[] seed = [new("SEED1", AuthorizationStatus.Accepted, null, null), new("SEED2", AuthorizationStatus.Accepted, null, "GROUP")];
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableIdTagStore(database, seed);
            store.Upsert(new IdTagRecord("SEED1", AuthorizationStatus.Blocked, Now.AddDays(1), null));
            store.Upsert(new IdTagRecord("Operator1", AuthorizationStatus.Accepted, null, null));
            store.Remove("seed2");
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableIdTagStore(database, [.. seed, new("SEED3", AuthorizationStatus.Expired, null, null)]);

            Assert.Multiple(() =>
            {
                Assert.That(store.Find("seed1")?.Status, Is.EqualTo(AuthorizationStatus.Blocked), "the operator's edit beats the configured seed");
                Assert.That(store.Find("seed1")?.ExpiryDate, Is.EqualTo(Now.AddDays(1)));
                Assert.That(store.Find("OPERATOR1"), Is.Not.Null);
                Assert.That(store.Find("SEED2")?.ParentIdTag, Is.EqualTo("GROUP"), "a configured tag removed by the operator comes back from configuration");
                Assert.That(store.Find("SEED3")?.Status, Is.EqualTo(AuthorizationStatus.Expired), "a tag added to configuration is added");
            });
        }
    }

    [Test]
    public void Reservations_come_back_and_new_reservation_ids_skip_the_stored_ones()
    {
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableReservationStore(database);
            var id = store.NextReservationId();
            store.Save(new ReservationRecord(id, "CP1", 1, "TAG1", "GROUP", Now.AddHours(1), ReservationState.Requested, Now, Now));
            store.Save(new ReservationRecord(id, "CP1", 1, "TAG1", "GROUP", Now.AddHours(1), ReservationState.Accepted, Now, Now.AddSeconds(1)));
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableReservationStore(database);

            Assert.That(store.Find(1), Is.EqualTo(new ReservationRecord(1, "CP1", 1, "TAG1", "GROUP", Now.AddHours(1), ReservationState.Accepted, Now, Now.AddSeconds(1))));
            Assert.That(store.NextReservationId(), Is.EqualTo(2));
        }
    }

    [Test]
    public void Charging_profiles_come_back_as_the_station_holds_them_after_replacements_and_clears()
    {
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableChargingProfileStore(database);
            store.Set(new StoredProfile("CP1", 0, Profile(1, 0, ChargingProfilePurposeType.ChargePointMaxProfile, 32m), Now));
            store.Set(new StoredProfile("CP1", 1, Profile(2, 1, ChargingProfilePurposeType.TxDefaultProfile, 16m), Now));
            store.Set(new StoredProfile("CP1", 1, Profile(3, 1, ChargingProfilePurposeType.TxDefaultProfile, 10m), Now.AddSeconds(1)));
            store.Set(new StoredProfile("CP2", 1, Profile(4, 2, ChargingProfilePurposeType.TxDefaultProfile, 6m), Now));
            store.Clear("CP2", new ClearChargingProfileRequest());
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableChargingProfileStore(database);
            var held = store.OfStation("CP1");

            Assert.That(held.Select(p => (p.ConnectorId, p.Profile.ChargingProfileId, p.Profile.ChargingSchedule.ChargingSchedulePeriod[0].Limit)), Is.EqualTo(new[] { (0, 1, 32m), (1, 3, 10m) }));
            Assert.That(held[1].Profile.ChargingSchedule.StartSchedule, Is.EqualTo(Now));
            Assert.That(store.OfStation("CP2"), Is.Empty);
        }
    }

    [Test]
    public void The_local_list_state_comes_back_with_its_entries_still_looked_up_ignoring_case()
    {
        using (var database = new CsmsDatabase(directory))
        {
            new DurableLocalListStore(database).Update("CP1", s => s with
            {
                ReportedVersion = 3,
                ReportedAt = Now,
                AcceptedVersion = 4,
                Entries = s.Entries.Add("TAG1", new IdTagInfo { Status = AuthorizationStatus.Accepted, ExpiryDate = Now.AddDays(2) }),
                Updates = s.Updates.Add(new LocalListUpdate(4, UpdateType.Full, 1, UpdateStatus.Accepted, Now)),
            });
        }

        using (var database = new CsmsDatabase(directory))
        {
            var state = new DurableLocalListStore(database).Get("CP1");

            Assert.Multiple(() =>
            {
                Assert.That((state.ReportedVersion, state.ReportedAt, state.AcceptedVersion, state.NextVersion), Is.EqualTo((3, (DateTimeOffset?)Now, 4, 5)));
                Assert.That(state.Entries.GetValueOrDefault("tag1")?.ExpiryDate, Is.EqualTo(Now.AddDays(2)));
                Assert.That(state.Updates, Is.EqualTo(new[] { new LocalListUpdate(4, UpdateType.Full, 1, UpdateStatus.Accepted, Now) }));
            });
        }
    }

    [Test]
    public void Station_security_keys_and_profiles_come_back_and_win_over_configuration()
    {
        var options = new OptionsMonitorOf(new CsmsSecurityOptions
        {
            ChargePoints = [new() { Id = "CP1", SecurityProfile = 1, AuthorizationKey = "0123456789ABCDEF0123456789ABCDEF" }],
        });
        var newKey = AuthorizationKey.Parse("FEDCBA9876543210FEDCBA9876543210AABBCCDD");
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableStationSecurityStore(database, options);
            store.Update("CP1", s => s with { Key = newKey, PendingProfile = 2 });
            store.Set("CP9", new StationSecurity(2, null));
        }

        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableStationSecurityStore(database, options);

            Assert.Multiple(() =>
            {
                Assert.That(store.Find("CP1")?.Key?.Hex, Is.EqualTo(newKey.Hex));
                Assert.That(store.Find("CP1")?.PendingProfile, Is.EqualTo(2));
                Assert.That(store.Find("CP9")?.Profile, Is.EqualTo(2));
            });
        }
    }

    [Test]
    public void The_CA_and_the_certificates_it_signed_outlive_the_process()
    {
        var options = Options.Create(new CsmsSecurityOptions());
        string thumbprint;
        using (var database = new CsmsDatabase(directory))
        using (var ca = new CertificateAuthority(options, new FakeTimeProvider(Now), database))
        {
            thumbprint = ca.Certificate.Thumbprint;
            using var throwaway = new CertificateAuthority(options, new FakeTimeProvider(Now));
            Assert.That(throwaway.Origin, Is.EqualTo("a throwaway CA"));
            new SecurityRecordStore(database).For("CP1").Add(new CertificateSignedRecord("0A1B", "CP1", Now, "Accepted"));
        }

        using (var database = new CsmsDatabase(directory))
        using (var ca = new CertificateAuthority(options, new FakeTimeProvider(Now), database))
        {
            Assert.That(ca.Certificate.Thumbprint, Is.EqualTo(thumbprint));
            Assert.That(ca.Certificate.HasPrivateKey, Is.True, "it still signs");
            Assert.That(ca.Origin, Is.EqualTo($"the CA kept in {directory}"), "what --demo-tls announces");
            Assert.That(new SecurityRecordStore(database).Find("CP1")?.Certificates, Is.EqualTo(new[] { new CertificateSignedRecord("0A1B", "CP1", Now, "Accepted") }));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(directory, "ca.key.pem")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the CA key is readable by its owner only");
            }
        }
    }

    [Test]
    public void A_second_Central_System_on_the_same_directory_is_refused_with_the_directory_named()
    {
        using var first = new CsmsDatabase(directory);

        var refused = Assert.Throws<InvalidOperationException>(() => new CsmsDatabase(directory).Dispose());

        Assert.That(refused.Message, Does.Contain(Path.GetFullPath(directory)).And.Contain("in use"));
    }

    [Test]
    public void Stored_meter_values_read_like_the_wire_format()
    {
        using (var database = new CsmsDatabase(directory))
        {
            var store = new DurableTransactionStore(database, 1);
            var id = store.Start("CP1", 1, "TAG1", 0, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
            store.AddMeterValues("CP1", id, [Sample(Now, "12.5", Measurand.EnergyActiveImportRegister, UnitOfMeasure.KWh)]);
        }

        using (var database = new CsmsDatabase(directory))
        {
            var row = database.Appends("transaction-meter-values")["1"].Single();
            using var json = JsonDocument.Parse(row);
            var sample = json.RootElement.GetProperty("sampledValue")[0];

            Assert.That(json.RootElement.GetProperty("timestamp").GetString(), Is.EqualTo("2026-03-01T08:00:00.000Z"));
            Assert.That(sample.GetProperty("measurand").GetString(), Is.EqualTo("Energy.Active.Import.Register"));
            Assert.That(sample.GetProperty("unit").GetString(), Is.EqualTo("kWh"));
        }
    }

    private static MeterValue Sample(DateTimeOffset at, string value, Measurand? measurand = null, UnitOfMeasure? unit = null) =>
        new() { Timestamp = at, SampledValue = [new SampledValue { Value = value, Measurand = measurand, Unit = unit }] };

    private static ChargingProfile Profile(int id, int stackLevel, ChargingProfilePurposeType purpose, decimal limit) => new()
    {
        ChargingProfileId = id,
        StackLevel = stackLevel,
        ChargingProfilePurpose = purpose,
        ChargingProfileKind = ChargingProfileKindType.Absolute,
        ChargingSchedule = new ChargingSchedule
        {
            StartSchedule = Now,
            ChargingRateUnit = ChargingRateUnitType.A,
            ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = limit }],
        },
    };

    private sealed class OptionsMonitorOf(CsmsSecurityOptions value) : IOptionsMonitor<CsmsSecurityOptions>
    {
        public CsmsSecurityOptions CurrentValue => value;

        public CsmsSecurityOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CsmsSecurityOptions, string?> listener) => null;
    }
}
