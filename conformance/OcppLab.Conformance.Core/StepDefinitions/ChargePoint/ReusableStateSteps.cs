using System.Text.Json.Nodes;
using OcppLab.Conformance.Drivers.CentralSystem;

namespace OcppLab.Conformance.StepDefinitions.ChargePoint;

/// <summary>The reusable and memory states of octt16-cp.md §2.2 as Given steps.</summary>
[Binding]
public sealed class ReusableStateSteps(LabCentralSystem lab, ReusableStates states)
{
    [Given("^the Charge Point is booted$")]
    public Task Booted() => states.BootedAsync();

    [Given("^the Charge Point is in state Authorized with (<\\w+>)$")]
    [When("^the Charge Point goes through state Authorized with (<\\w+>)$")]
    public Task Authorized(string idTag) => states.AuthorizedAsync(lab.Resolve(idTag));

    [Given("^the Charge Point is in state Charging$")]
    [When("^the Central System runs state Charging$")]
    public Task Charging() => states.ChargingAsync(lab.Data.ValidIdTag);

    [Given("^the Charge Point is in state Charging with (<\\w+>)$")]
    [When("^the Central System runs state Charging with (<\\w+>)$")]
    public Task ChargingWith(string idTag) => states.ChargingAsync(lab.Resolve(idTag));

    [When("^the Central System runs state Charging with (<\\w+>), Authorize optional$")]
    public Task ChargingAuthorizeOptional(string idTag) => states.ChargingAsync(lab.Resolve(idTag), authorizeOptional: true);

    [When("^the Central System runs state Charging with a TxProfile in the RemoteStartTransaction:$")]
    public Task ChargingWithProfile(string profile) =>
        states.ChargingAsync(lab.Data.ValidIdTag, chargingProfile: JsonNode.Parse(lab.Resolve(profile))!.AsObject());

    [Given("^(<\\w+>) is cached$")]
    public Task Cached(string idTag) => states.IdTagCachedAsync(lab.Resolve(idTag));

    [Given("^(<\\w+>) is in the local authorization list$")]
    public Task InLocalList(string idTag) => states.IdTagLocalAuthListAsync(lab.Resolve(idTag));

    [Given("^(<\\w+>) is in the local authorization list as (\\w+)$")]
    public Task InLocalListAs(string idTag, string status) => states.IdTagLocalAuthListAsync(lab.Resolve(idTag), status);

    [Given("^every unused connector is Unavailable$")]
    public Task UnusedUnavailable() => states.UnusedConnectorsUnavailableAsync();

    [Given("^the configured connector is Faulted$")]
    public Task ConnectorFaulted() => states.FaultedAsync(lab.Data.ConnectorId);

    [Given("^the whole Charge Point is Faulted$")]
    public Task ChargePointFaulted() => states.FaultedAsync(0);

    [Given("^the configured connector is Occupied$")]
    public Task ConnectorOccupied() => states.OccupiedAsync(lab.Data.ConnectorId);

    [Given("^every connector is Occupied$")]
    public async Task AllOccupied()
    {
        for (var c = 1; c <= lab.ChargePoint.NumberOfConnectors; c++)
        {
            await states.OccupiedAsync(c);
        }
    }

    [Given("^the configured connector is Unavailable$")]
    public async Task ConnectorUnavailable()
    {
        await states.ConnectorUnavailableAsync(lab.Data.ConnectorId);
        lab.ConsumeAll();
    }

    [Given("^the whole Charge Point is Unavailable$")]
    public Task ChargePointUnavailable() => states.ChargePointUnavailableAsync();

    [Given("^the configured connector is Reserved for (<\\w+>)$")]
    public async Task Reserved(string idTag)
    {
        await states.ReservedAsync(lab.Resolve(idTag));
        lab.ConsumeAll();
    }

    [Given("^the checks start here$")]
    [When("^the checks start here$")]
    public void ChecksStart() => lab.ConsumeAll();
}
