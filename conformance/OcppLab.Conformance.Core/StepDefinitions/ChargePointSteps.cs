using System.Text.Json.Nodes;
using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>What the lab's charge point sends (CP → CS), including OCTT's reusable states (§3.22 of the test case document).</summary>
[Binding]
public sealed class ChargePointSteps(LabChargePoint chargePoint, ChargePointMessages messages, LabSettings settings)
{
    [Given("^the charge point is connected$")]
    [When("^the charge point connects$")]
    public Task Connected() => chargePoint.ConnectAsync();

    /// <summary>Reusable state Booted: BootNotification Accepted, then Available for connector 0 and each connector.</summary>
    [Given("^the charge point is booted$")]
    public async Task Booted()
    {
        if (!chargePoint.IsConnected)
        {
            await chargePoint.ConnectAsync();
        }

        await messages.BootNotificationAsync();
        Expect.Status(chargePoint.LastExchange!, "Accepted");
        await messages.StatusNotificationAsync(0, "Available");
        for (var connector = 1; connector <= settings.NumberOfConnectors; connector++)
        {
            await messages.StatusNotificationAsync(connector, "Available");
        }
    }

    /// <summary>Reusable state Authorized: Authorize with the valid tag, answered Accepted.</summary>
    [Given("^the charge point has authorized the valid id tag$")]
    public async Task Authorized()
    {
        await messages.AuthorizeAsync("valid");
        Expect.IdTagStatus(chargePoint.LastExchange!, "Accepted");
    }

    /// <summary>Reusable state Charging: Authorized, Preparing, StartTransaction Accepted, Charging.</summary>
    [Given("^a charging session is running on the configured connector$")]
    public async Task Charging()
    {
        await Authorized();
        await messages.StatusNotificationAsync(settings.ConnectorId, "Preparing");
        await messages.StartTransactionAsync("valid", reservation: false, offline: false);
        Expect.IdTagStatus(chargePoint.LastExchange!, "Accepted");
        Expect.TransactionId(chargePoint);
        await messages.StatusNotificationAsync(settings.ConnectorId, "Charging");
    }

    [When("^the charge point sends BootNotification$")]
    public Task Boot() => messages.BootNotificationAsync();

    [When("^the charge point sends Heartbeat$")]
    public Task Heartbeat() => messages.CallAsync("Heartbeat", []);

    [When("^the charge point reports connector (\\d+) as (\\w+)$")]
    public Task Status(int connector, string status) => messages.StatusNotificationAsync(connector, status);

    [When("^the charge point reports the configured connector as (\\w+)$")]
    public Task ConfiguredStatus(string status) => messages.StatusNotificationAsync(settings.ConnectorId, status);

    [When("^the charge point reports the configured connector as Faulted with error code (\\w+)$")]
    public Task Faulted(string errorCode) => messages.StatusNotificationAsync(settings.ConnectorId, "Faulted", errorCode);

    [When("^the charge point reports every connector as (\\w+)$")]
    public async Task EveryConnector(string status)
    {
        for (var connector = 1; connector <= settings.NumberOfConnectors; connector++)
        {
            await messages.StatusNotificationAsync(connector, status);
        }
    }

    [When("^the charge point reports every other connector as (\\w+)$")]
    public async Task EveryOtherConnector(string status)
    {
        for (var connector = 1; connector <= settings.NumberOfConnectors; connector++)
        {
            if (connector != settings.ConnectorId)
            {
                await messages.StatusNotificationAsync(connector, status);
            }
        }
    }

    [When("^the charge point reports connector 0 and every connector as (\\w+)$")]
    public async Task ChargePointAndEveryConnector(string status)
    {
        await messages.StatusNotificationAsync(0, status);
        await EveryConnector(status);
    }

    [When("^the charge point sends Authorize with the (.+) id tag$")]
    public Task Authorize(string kind) => messages.AuthorizeAsync(kind);

    [When("^the charge point sends StartTransaction with the (.+?) id tag( and the reservation id)?( and a timestamp in the past)?$")]
    public Task StartTransaction(string kind, string reservation, string past) =>
        messages.StartTransactionAsync(kind, reservation.Length > 0, past.Length > 0);

    [When("^the charge point sends StopTransaction with reason (\\w+)( and a timestamp in the past)?$")]
    public async Task StopTransaction(string reason, string past) => StopAnswer(await messages.StopTransactionAsync(reason, past.Length > 0));

    /// <summary>
    /// A stop no driver asked for (a power loss, the EV unplugged) names no idTag (OCPP 1.6 §4.10: idTag is
    /// optional), as in OCTT's TC_032_1 sequence; the CSMS must still acknowledge it.
    /// </summary>
    [When("^the charge point sends StopTransaction with reason (\\w+) and no id tag$")]
    public Task StopTransactionWithoutIdTag(string reason) => messages.StopTransactionAsync(reason, offline: false, withIdTag: false);

    /// <summary>
    /// OCTT accepts StatusNotification Charging before or after StartTransaction (test case document §1.3),
    /// so a CSMS must handle both orders; the outlines run both.
    /// </summary>
    [When("^the charge point starts a transaction with the valid id tag, reporting Charging (before|after) StartTransaction$")]
    public async Task StartReordered(string order)
    {
        if (order == "before")
        {
            await messages.StatusNotificationAsync(settings.ConnectorId, "Charging");
        }

        await messages.StartTransactionAsync("valid", reservation: false, offline: false);
        Expect.TransactionId(chargePoint);
        if (order == "after")
        {
            await messages.StatusNotificationAsync(settings.ConnectorId, "Charging");
        }
    }

    /// <summary>The same tolerance for StatusNotification Finishing around StopTransaction.</summary>
    [When("^the charge point stops the transaction with reason (\\w+), reporting Finishing (before|after) StopTransaction$")]
    public async Task StopReordered(string reason, string order)
    {
        if (order == "before")
        {
            await messages.StatusNotificationAsync(settings.ConnectorId, "Finishing");
        }

        StopAnswer(await messages.StopTransactionAsync(reason, offline: false));
        if (order == "after")
        {
            await messages.StatusNotificationAsync(settings.ConnectorId, "Finishing");
        }
    }

    /// <summary>
    /// StopTransaction.conf names the stopping tag's authorization (OCPP 1.6 §6.47); OCTT checks it is Accepted
    /// for the valid tag, so a CSMS answering Invalid or ConcurrentTx to every stop fails here.
    /// </summary>
    private void StopAnswer(CallExchange stop)
    {
        if (messages.ExpectedStopStatus is { } expected)
        {
            Expect.IdTagStatus(stop, expected);
        }
    }

    /// <summary>A second session beside the running one, on the first connector other than the configured one.</summary>
    [When("^a second transaction starts on another connector with the (.+) id tag$")]
    public Task StartOther(string kind)
    {
        var connector = Enumerable.Range(1, settings.NumberOfConnectors).Where(c => c != settings.ConnectorId).Cast<int?>().FirstOrDefault()
            ?? throw new IgnoreException($"Not applicable: the charge point has no connector besides {settings.ConnectorId} (NumberOfConnectors={settings.NumberOfConnectors}).");
        return messages.StartOtherAsync(connector, kind);
    }

    [When("^the second transaction stops with reason (\\w+)$")]
    public Task StopOther(string reason) => messages.StopOtherAsync(reason);

    [When("^the charge point sends MeterValues for the configured connector$")]
    public Task MeterValues() => messages.MeterValuesAsync();

    [When("^the charge point sends DataTransfer with an unknown vendor id$")]
    public Task DataTransfer() => messages.CallAsync("DataTransfer", new JsonObject
    {
        ["vendorId"] = settings.UnknownVendorId,
        ["messageId"] = "OcppLabProbe",
        ["data"] = "conformance",
    });

    [When("^the charge point sends (FirmwareStatusNotification|DiagnosticsStatusNotification) (\\w+)$")]
    public Task StatusOnly(string action, string status) => messages.CallAsync(action, new JsonObject { ["status"] = status });

    [When("^the charge point sends (SignedFirmwareStatusNotification|LogStatusNotification) (\\w+)$")]
    public Task StatusWithRequestId(string action, string status) =>
        messages.CallAsync(action, new JsonObject { ["status"] = status, ["requestId"] = 1 });

    [When("^the charge point sends SecurityEventNotification (\\w+)$")]
    public Task SecurityEvent(string type) => messages.SecurityEventAsync(type);

    [When("^the charge point sends SignCertificate with a certificate signing request$")]
    public Task SignCertificate() => messages.SignCertificateAsync();

    /// <summary>A reboot (Reset, power cycle, firmware install) is a new WebSocket connection.</summary>
    [When("^the charge point (?:reboots|restarts after a power failure|comes back online)$")]
    public Task Reconnect() => chargePoint.ConnectAsync();

    /// <summary>
    /// The Central System may expire the reservation on its own clock: on virtual time the lab moves that
    /// clock past the expiry date instead of waiting (TC_047).
    /// </summary>
    [When("^the reservation's expiry date passes$")]
    public void ReservationExpires() => chargePoint.Target.AdvanceTime(TimeSpan.FromMinutes(settings.ReservationExpiryMinutes) + TimeSpan.FromSeconds(1));

    [When("^the charge point goes offline$")]
    public Task Offline() => chargePoint.DisconnectAsync();
}
