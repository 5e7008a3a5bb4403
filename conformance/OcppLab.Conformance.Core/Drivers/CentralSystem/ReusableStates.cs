using System.Text.Json.Nodes;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// OCTT's reusable and memory states of the charge-point section (octt16-cp.md §2.2, Tables 103–116),
/// run by the lab Central System with the checks the tables name.
/// </summary>
public sealed class ReusableStates(LabCentralSystem lab)
{
    private int Connector => lab.Data.ConnectorId;

    /// <summary>OCTT's default state (§2.1): booted, Accepted, every connector reported Available.</summary>
    public async Task BootedAsync()
    {
        await lab.PowerOnAsync();
        await lab.ExpectAsync("BootNotification", FieldChecks.None);
        for (var c = 0; c <= lab.ChargePoint.NumberOfConnectors; c++)
        {
            await lab.EventuallyAsync("StatusNotification", Checks($"connectorId={c}, status=Available"), lab.Data.MessageTimeoutSeconds);
        }

        lab.ConsumeAll();
    }

    /// <summary>Table 104: the tester presents the tag; Authorize and Preparing, in either order.</summary>
    public async Task AuthorizedAsync(string idTag)
    {
        await lab.DriveAsync($"present {idTag} at connector {Connector}", cp => cp.PresentIdTagAsync(Connector, idTag));
        await lab.EventuallyAsync("Authorize", Checks($"idTag={idTag}"), lab.Data.MessageTimeoutSeconds);
        await lab.EventuallyAsync("StatusNotification", Checks($"connectorId={Connector}, status=Preparing"), lab.Data.MessageTimeoutSeconds);
    }

    /// <summary>
    /// Table 105: GetConfiguration(AuthorizeRemoteTxRequests), plug in, Preparing (after the RemoteStart when
    /// Reserved), RemoteStart Accepted, Authorize when ARTR is true, StartTransaction and Charging in either order.
    /// </summary>
    public async Task ChargingAsync(string idTag, bool authorizeOptional = false, JsonObject? chargingProfile = null)
    {
        await lab.SendAsync("GetConfiguration", new JsonObject { ["key"] = new JsonArray("AuthorizeRemoteTxRequests") });
        var artr = string.Equals(FieldChecks.Find(lab.AnswerPayload(), "configurationKey[0].value") is { } v ? FieldChecks.Render(v) : null, "true", StringComparison.OrdinalIgnoreCase);
        var reserved = lab.ChargePoint.ReservationOn(Connector) is not null || lab.ChargePoint.ReservationOn(0) is not null;
        await lab.DriveAsync($"plug in at connector {Connector}", cp => cp.PlugIn(Connector));
        if (!reserved)
        {
            await lab.ExpectAsync("StatusNotification", Checks($"connectorId={Connector}, status=Preparing"));
        }

        var request = new JsonObject { ["connectorId"] = Connector, ["idTag"] = idTag };
        if (chargingProfile is not null)
        {
            request["chargingProfile"] = chargingProfile;
        }

        await lab.SendAsync("RemoteStartTransaction", request);
        ExpectStatus("Accepted");
        if (reserved)
        {
            await lab.EventuallyAsync("StatusNotification", Checks($"connectorId={Connector}, status=Preparing"), lab.Data.MessageTimeoutSeconds);
        }

        if (artr && !authorizeOptional)
        {
            await lab.ExpectAsync("Authorize", Checks($"idTag={idTag}"));
        }
        else if (authorizeOptional && lab.Frames.Any(f => !f.Consumed && f.Action == "Authorize"))
        {
            // Optional (TC_046_2, TC_049): the charge point may skip authorizing the reservation's tag, but an
            // Authorize it does send is checked like a mandatory one rather than failing the StartTransaction check.
            await lab.ExpectAsync("Authorize", Checks($"idTag={idTag}"));
        }

        await lab.ExpectAsync("StartTransaction", Checks($"connectorId={Connector}, idTag={idTag}"));
        await lab.ExpectAsync("StatusNotification", Checks($"connectorId={Connector}, status=Charging"));
        lab.ConsumeAll();
    }

    /// <summary>Table 112: Charging, the tag again to stop, unplug; the cache learns the tag.</summary>
    public async Task IdTagCachedAsync(string idTag)
    {
        lab.Configure("AuthorizationCacheEnabled", "true");
        await ChargingAsync(idTag);
        await lab.DriveAsync($"present {idTag} to stop", cp => cp.PresentIdTagAsync(Connector, idTag));
        await lab.ExpectAsync("StopTransaction", Checks($"transactionId={lab.TransactionId}"));
        await lab.ExpectAsync("StatusNotification", Checks($"connectorId={Connector}, status=Finishing"));
        await lab.DriveAsync($"unplug connector {Connector}", cp => cp.Unplug(Connector));
        await lab.ExpectAsync("StatusNotification", Checks($"connectorId={Connector}, status=Available"));
        lab.ConsumeAll();
    }

    /// <summary>Table 113: LocalAuthListEnabled, then a Full SendLocalList version 1 holding the tag.</summary>
    public async Task IdTagLocalAuthListAsync(string idTag, string status = "Accepted")
    {
        await lab.SendAsync("ChangeConfiguration", new JsonObject { ["key"] = "LocalAuthListEnabled", ["value"] = "true" });
        await lab.SendAsync("SendLocalList", new JsonObject
        {
            ["listVersion"] = 1,
            ["updateType"] = "Full",
            ["localAuthorizationList"] = new JsonArray(new JsonObject { ["idTag"] = idTag, ["idTagInfo"] = new JsonObject { ["status"] = status } }),
        });
        ExpectStatus("Accepted");
    }

    /// <summary>Table 108 for every connector but the configured one (the "unused" connectors).</summary>
    public async Task UnusedConnectorsUnavailableAsync()
    {
        for (var c = 1; c <= lab.ChargePoint.NumberOfConnectors; c++)
        {
            if (c != Connector)
            {
                await ConnectorUnavailableAsync(c);
            }
        }

        lab.ConsumeAll();
    }

    /// <summary>Table 108: ChangeAvailability Inoperative, Accepted, then Unavailable.</summary>
    public async Task ConnectorUnavailableAsync(int connectorId)
    {
        await lab.SendAsync("ChangeAvailability", new JsonObject { ["connectorId"] = connectorId, ["type"] = "Inoperative" });
        ExpectStatus("Accepted");
        await lab.ExpectAsync("StatusNotification", Checks($"connectorId={connectorId}, status=Unavailable"));
    }

    /// <summary>Table 109: ChangeAvailability on connector 0, then Unavailable for 0 and every connector.</summary>
    public async Task ChargePointUnavailableAsync()
    {
        await lab.SendAsync("ChangeAvailability", new JsonObject { ["connectorId"] = 0, ["type"] = "Inoperative" });
        ExpectStatus("Accepted");
        for (var c = 0; c <= lab.ChargePoint.NumberOfConnectors; c++)
        {
            await lab.EventuallyAsync("StatusNotification", Checks($"connectorId={c}, status=Unavailable"), lab.Data.MessageTimeoutSeconds);
        }

        lab.ConsumeAll();
    }

    /// <summary>Tables 106 and 107: the tester forces a fault on a connector, or on the whole charge point (0).</summary>
    public async Task FaultedAsync(int connectorId)
    {
        await lab.DriveAsync($"force a fault on connector {connectorId}", cp => cp.Fault(connectorId));
        await lab.EventuallyAsync("StatusNotification", Checks($"connectorId={connectorId}, status=Faulted"), lab.Data.MessageTimeoutSeconds);
        lab.ConsumeAll();
    }

    /// <summary>Table 110: the cable is plugged in; Preparing.</summary>
    public async Task OccupiedAsync(int connectorId)
    {
        await lab.DriveAsync($"plug in at connector {connectorId}", cp => cp.PlugIn(connectorId));
        await lab.ExpectAsync("StatusNotification", Checks($"connectorId={connectorId}, status=Preparing"));
    }

    /// <summary>Table 111: ReserveNow Accepted, then Reserved.</summary>
    public async Task ReservedAsync(string idTag)
    {
        await lab.SendAsync("ReserveNow", JsonNode.Parse(lab.Resolve(
            $$"""{"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "{{idTag}}", "reservationId": <reservationId>}"""))!.AsObject());
        ExpectStatus("Accepted");
        await lab.ExpectAsync("StatusNotification", Checks($"connectorId={Connector}, status=Reserved"));
    }

    public void ExpectStatus(params string[] accepted)
    {
        var payload = lab.AnswerPayload();
        var status = FieldChecks.Find(payload, "status") is { } s ? FieldChecks.Render(s) : null;
        if (status is null || !accepted.Contains(status, StringComparer.Ordinal))
        {
            throw new AssertionException($"The Charge Point answered {lab.LastAction} with status {status ?? "(none)"}; expected {string.Join(" or ", accepted)}.");
        }
    }

    private FieldChecks Checks(string text) => FieldChecks.Parse(lab.Resolve(text));
}
