
using System.Globalization;
using OcppLab.Conformance.Drivers.CentralSystem;

namespace OcppLab.Conformance.StepDefinitions.ChargePoint;

/// <summary>The manual actions of the OCTT charge-point cases (octt16-cp.md §2.4), done through the driving API.</summary>
[Binding]
public sealed class TesterSteps(LabCentralSystem lab)
{
    private int Connector => lab.Data.ConnectorId;

    [Given("^the Charge Point has a fixed cable$")]
    public void FixedCable() => lab.Template = lab.Template with { FixedCable = true };

    [Given("^the Charge Point has backup power$")]
    public void BackupPower() => lab.Template = lab.Template with { BackupPower = true };

    [Given("^the Charge Point does not support (\\w+)$")]
    public void WithoutProfile(string profile) =>
        lab.Template = lab.Template with { FeatureProfiles = [.. lab.Template.FeatureProfiles.Where(p => p != profile)] };

    [Given("^the Charge Point is configured with (\\w+) = (.*)$")]
    public void Configure(string key, string value) => lab.Configure(key, lab.Resolve(value));

    [When("^the tester powers on the Charge Point$")]
    [When("^the tester restores the power$")]
    public Task PowerOn() => lab.PowerOnAsync();

    [When("^the tester cuts the power$")]
    public Task CutPower() => lab.CutPowerAsync();

    [When("^the tester cuts the network$")]
    public Task CutNetwork() => lab.DropNetworkAsync();

    [When("^the tester restores the network$")]
    public Task RestoreNetwork() => lab.RestoreNetworkAsync();

    [When("^the tester plugs in the cable$")]
    public Task PlugIn() => lab.DriveAsync($"plug in at connector {Connector}", cp => cp.PlugIn(Connector));

    [When("^the tester plugs in the cable halfway$")]
    public Task PlugInHalfway() => lab.DriveAsync($"plug in halfway at connector {Connector}", cp => cp.PlugIn(Connector, lockFails: true));

    [When("^the tester presents (<\\w+>)$")]
    public Task Present(string idTag)
    {
        var tag = lab.Resolve(idTag);
        return lab.DriveAsync($"present {tag} at connector {Connector}", cp => cp.PresentIdTagAsync(Connector, tag));
    }

    [When("^the tester unplugs the cable at the EV side$")]
    public Task UnplugEvSide() => lab.DriveAsync($"unplug the EV side at connector {Connector}", cp => cp.UnplugEvSide(Connector));

    [When("^the tester unplugs the cable$")]
    public Task Unplug() => lab.DriveAsync($"unplug connector {Connector}", cp => cp.Unplug(Connector));

    [When("^the tester forces the Charge Point into a fault$")]
    public Task Fault() => lab.DriveAsync("force a fault on the charge point", cp => cp.Fault(0));

    [When("^the tester tries to start a transaction with (<\\w+>)$")]
    public async Task TryStart(string idTag)
    {
        await PlugIn();
        await Present(idTag);
    }

    [Given("^the next unlock will fail$")]
    public void UnlockFails() => lab.ChargePoint.FailNextUnlock = true;

    [Given("^storing the next local list will fail$")]
    public void LocalListFails() => lab.ChargePoint.LocalList.FailNextUpdate = true;

    [When("^(\\d+|<\\w+>) seconds pass$")]
    public Task Pass(string seconds) => lab.AdvanceAsync(int.Parse(lab.Resolve(seconds), CultureInfo.InvariantCulture));

    [Then("^the transaction on the configured connector is still running$")]
    public void StillRunning()
    {
        if (lab.ChargePoint.TransactionOn(Connector) is null)
        {
            throw new AssertionException($"No transaction runs on connector {Connector} any more.");
        }
    }

    [Then("^the configured connector is (\\w+) at the Charge Point$")]
    public void StatusAt(string status)
    {
        var actual = lab.ChargePoint.StatusOf(Connector).ToString();
        if (actual != status)
        {
            throw new AssertionException($"Connector {Connector} is {actual}; expected {status}.");
        }
    }
}
