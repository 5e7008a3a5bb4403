using System.Text.Json.Nodes;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// The manual-action contract (<c>operator-contract.openapi.yaml</c> beside this project): for each OCPP
/// action a case makes the CSMS send, the endpoint under <c>/api/charge-points/{id}/manual/</c> that asks
/// for it with only the parameters the case gives, and the payload the lab writes itself when the target
/// offers no such endpoint and the raw relay has to stand in.
/// </summary>
public static class ManualActions
{
    private static readonly Dictionary<string, ManualAction> ByAction = new(StringComparer.Ordinal)
    {
        ["RemoteStartTransaction"] = new("remote-start"),
        ["RemoteStopTransaction"] = new("remote-stop"),
        ["Reset"] = new("reset"),
        ["UnlockConnector"] = new("unlock-connector"),
        ["ChangeAvailability"] = new("change-availability"),
        ["GetConfiguration"] = new("get-configuration"),
        ["ChangeConfiguration"] = new("change-configuration"),
        ["ClearCache"] = new("clear-cache"),
        ["DataTransfer"] = new("data-transfer"),
        ["GetLocalListVersion"] = new("get-local-list-version"),
        ["SendLocalList"] = new("send-local-list", LocalList),
        ["ReserveNow"] = new("reserve-now", Reservation),
        ["CancelReservation"] = new("cancel-reservation"),
        ["TriggerMessage"] = new("trigger-message"),
        ["SetChargingProfile"] = new("set-charging-profile", Contract: ProfileOrder),
        ["ClearChargingProfile"] = new("clear-charging-profile"),
        ["GetCompositeSchedule"] = new("get-composite-schedule"),
        ["UpdateFirmware"] = new("update-firmware", Firmware),
        ["GetDiagnostics"] = new("get-diagnostics"),
        ["InstallCertificate"] = new("install-certificate"),
        ["GetInstalledCertificateIds"] = new("get-installed-certificate-ids"),
        ["DeleteCertificate"] = new("delete-certificate"),
        ["ExtendedTriggerMessage"] = new("extended-trigger-message"),
        ["SignedUpdateFirmware"] = new("signed-update-firmware"),
        ["GetLog"] = new("get-log", Log),
    };

    /// <summary>Every action the contract covers.</summary>
    public static IReadOnlyCollection<string> Actions => ByAction.Keys;

    /// <summary>The contract's endpoint for <paramref name="action"/>, or null when the contract has none.</summary>
    public static ManualAction? Find(string action) => ByAction.GetValueOrDefault(action);

    /// <summary>
    /// SendLocalList written by the lab: the next version after the configured one, and every entry with the
    /// idTagInfo OCTT's test data gives it (the blocked tag Blocked, the others Accepted).
    /// </summary>
    private static JsonObject LocalList(JsonObject parameters, LabSettings settings, DateTimeOffset now) => new()
    {
        ["listVersion"] = settings.ListVersion + 1,
        ["updateType"] = parameters["updateType"]?.DeepClone(),
        ["localAuthorizationList"] = new JsonArray([.. (parameters["idTags"] as JsonArray ?? []).Select(tag => (JsonNode)new JsonObject
        {
            ["idTag"] = tag?.DeepClone(),
            ["idTagInfo"] = new JsonObject { ["status"] = tag?.GetValue<string>() == settings.BlockedIdTag ? "Blocked" : "Accepted" },
        })]),
    };

    /// <summary>
    /// What OCTT's smart charging cases give the tester for SetChargingProfile (TC_056, TC_057, TC_067): the
    /// purpose and the one period's limit, with the configured connector, unit, phases, stack level, kind,
    /// duration and profile id. The case's table names the whole profile because the relay sends it as it is;
    /// the contract leaves the rest (validity, startSchedule, the running transaction) to the CSMS's own logic,
    /// which the case's checks then see on the wire.
    /// </summary>
    private static JsonObject ProfileOrder(JsonObject parameters)
    {
        if (parameters["csChargingProfiles"] is not JsonObject profile)
        {
            return parameters;
        }

        var schedule = profile["chargingSchedule"] as JsonObject;
        var periods = schedule?["chargingSchedulePeriod"] as JsonArray ?? [];
        if (periods.Count != 1 || periods[0] is not JsonObject period || profile["recurrencyKind"] is not null)
        {
            throw new InvalidOperationException("The manual action set-charging-profile sets a profile of one period, Absolute or Relative; the case gives another.");
        }

        var order = new JsonObject
        {
            ["connectorId"] = parameters["connectorId"]?.DeepClone(),
            ["chargingProfilePurpose"] = profile["chargingProfilePurpose"]?.DeepClone(),
            ["limit"] = period["limit"]?.DeepClone(),
        };
        foreach (var (name, value) in new[]
        {
            ("chargingRateUnit", schedule?["chargingRateUnit"]), ("numberPhases", period["numberPhases"]), ("stackLevel", profile["stackLevel"]),
            ("chargingProfileId", profile["chargingProfileId"]), ("chargingProfileKind", profile["chargingProfileKind"]), ("duration", schedule?["duration"]),
        })
        {
            if (value is not null)
            {
                order[name] = value.DeepClone();
            }
        }

        return order;
    }

    /// <summary>ReserveNow written by the lab: the configured reservation id, and the configured group as parent of a group member.</summary>
    private static JsonObject Reservation(JsonObject parameters, LabSettings settings, DateTimeOffset now)
    {
        var payload = parameters.DeepClone().AsObject();
        payload["reservationId"] = settings.ReservationId;
        if (payload["idTag"]?.GetValue<string>() is { } tag && (tag == settings.GroupMemberIdTag || tag == settings.OtherGroupMemberIdTag))
        {
            payload["parentIdTag"] = settings.GroupIdTag;
        }

        return payload;
    }

    /// <summary>UpdateFirmware written by the lab: retrieveDate is required on the wire (OCPP 1.6 §6.57).</summary>
    private static JsonObject Firmware(JsonObject parameters, LabSettings settings, DateTimeOffset now)
    {
        var payload = parameters.DeepClone().AsObject();
        payload["retrieveDate"] ??= LabValues.Timestamp(now);
        return payload;
    }

    /// <summary>GetLog written by the lab: the contract's flat remoteLocation and timestamps go into log (Security Whitepaper ed. 3 §4.2).</summary>
    private static JsonObject Log(JsonObject parameters, LabSettings settings, DateTimeOffset now)
    {
        var payload = new JsonObject
        {
            ["logType"] = parameters["logType"]?.DeepClone(),
            ["requestId"] = parameters["requestId"]?.DeepClone() ?? 1,
            ["log"] = new JsonObject { ["remoteLocation"] = parameters["remoteLocation"]?.DeepClone() },
        };
        foreach (var name in new[] { "oldestTimestamp", "latestTimestamp" })
        {
            if (parameters[name] is { } at)
            {
                payload["log"]![name] = at.DeepClone();
            }
        }

        foreach (var name in new[] { "retries", "retryInterval" })
        {
            if (parameters[name] is { } value)
            {
                payload[name] = value.DeepClone();
            }
        }

        return payload;
    }
}

/// <summary>One endpoint of the contract.</summary>
/// <param name="Path">Its last path segment, under <c>/api/charge-points/{id}/manual/</c>.</param>
/// <param name="RelayPayload">The full OCPP payload the lab writes for the relay; null when the parameters already are the payload.</param>
/// <param name="Contract">The endpoint's body made of the case's parameters; null when they already are the body.</param>
public sealed record ManualAction(
    string Path, Func<JsonObject, LabSettings, DateTimeOffset, JsonObject>? RelayPayload = null, Func<JsonObject, JsonObject>? Contract = null)
{
    /// <summary>The OCPP payload the relay sends for these parameters.</summary>
    public JsonObject ToRelayPayload(JsonObject parameters, LabSettings settings, DateTimeOffset now) =>
        RelayPayload?.Invoke(parameters, settings, now) ?? parameters;

    /// <summary>The body the contract's endpoint takes for these parameters.</summary>
    public JsonObject ToContractParameters(JsonObject parameters) => Contract?.Invoke(parameters) ?? parameters;
}
