using OcppLab.ChargePoint.Configuration;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Configuration;

public sealed class ConfigurationStoreTests
{
    private static ConfigurationStore NewStore() => new(Keys.Definitions(2));

    [Test]
    public void A_writable_key_accepts_a_valid_value_and_reads_it_back_at_once()
    {
        var store = NewStore();

        Assert.That(store.Change(Keys.MeterValueSampleInterval, "15"), Is.EqualTo(ConfigurationStatus.Accepted));
        Assert.That(store.Read([Keys.MeterValueSampleInterval]).Known.Single().Value, Is.EqualTo("15"));
    }

    [Test]
    public void A_negative_interval_is_rejected()
    {
        Assert.That(NewStore().Change(Keys.MeterValueSampleInterval, "-1"), Is.EqualTo(ConfigurationStatus.Rejected));
    }

    [Test]
    public void An_unknown_key_is_not_supported()
    {
        Assert.That(NewStore().Change("Testing", "true"), Is.EqualTo(ConfigurationStatus.NotSupported));
    }

    [Test]
    public void A_read_only_key_is_rejected()
    {
        Assert.That(NewStore().Change(Keys.NumberOfConnectors, "3"), Is.EqualTo(ConfigurationStatus.Rejected));
    }

    [Test]
    public void An_unknown_measurand_is_rejected()
    {
        Assert.That(NewStore().Change(Keys.MeterValuesSampledData, "Energy.Active.Import.Register,Bogus"), Is.EqualTo(ConfigurationStatus.Rejected));
    }

    [Test]
    public void Reading_no_keys_returns_every_key_with_its_read_only_flag()
    {
        var (known, unknown) = NewStore().Read([]);

        Assert.Multiple(() =>
        {
            Assert.That(unknown, Is.Empty);
            Assert.That(known.Single(k => k.Key == Keys.NumberOfConnectors).Readonly, Is.True);
            Assert.That(known.Single(k => k.Key == Keys.HeartbeatInterval).Readonly, Is.False);
            Assert.That(known.Select(k => k.Key), Does.Contain(Keys.StopTransactionOnEVSideDisconnect));
        });
    }

    [Test]
    public void Unknown_keys_are_listed_as_unknown()
    {
        var (known, unknown) = NewStore().Read(["HeartbeatInterval", "Nope"]);

        Assert.That(known, Has.Count.EqualTo(1));
        Assert.That(unknown, Is.EqualTo(new[] { "Nope" }));
    }

    [Test]
    public void Measurand_lists_parse_to_measurands()
    {
        var store = NewStore();
        store.Change(Keys.MeterValuesSampledData, "Energy.Active.Import.Register, Power.Active.Import");

        Assert.That(store.GetMeasurands(Keys.MeterValuesSampledData), Is.EqualTo(new[] { Measurand.EnergyActiveImportRegister, Measurand.PowerActiveImport }));
    }
}
