using System.Text.Json.Nodes;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Builds the CP → CS requests of the OCTT sequences from the configured values and sends them through
/// the lab's charge point. It keeps what a charge point would remember: the id tag of the session and its
/// meter, so that StopTransaction matches StartTransaction.
/// </summary>
public sealed class ChargePointMessages(LabChargePoint chargePoint, LabSettings settings, LabValues values, LabCertificates certificates)
{
    private int meter = 1000;
    private string? sessionIdTag;
    private string? sessionKind;
    private OpenTransaction? other;

    /// <summary>Whether a transaction the CSMS gave an id to has not been stopped yet.</summary>
    public bool TransactionOpen { get; private set; }

    public Task<CallExchange> CallAsync(string action, JsonObject payload) => chargePoint.CallAsync(action, payload);

    public Task<CallExchange> BootNotificationAsync() => CallAsync("BootNotification", new JsonObject
    {
        ["chargePointVendor"] = settings.ChargePointVendor,
        ["chargePointModel"] = settings.ChargePointModel,
        ["chargePointSerialNumber"] = settings.ChargePointSerialNumber,
        ["firmwareVersion"] = settings.FirmwareVersion,
    });

    public Task<CallExchange> StatusNotificationAsync(int connectorId, string status, string errorCode = "NoError") =>
        CallAsync("StatusNotification", new JsonObject
        {
            ["connectorId"] = connectorId,
            ["errorCode"] = errorCode,
            ["status"] = status,
            ["timestamp"] = Now(),
        });

    public Task<CallExchange> AuthorizeAsync(string kind) => CallAsync("Authorize", new JsonObject { ["idTag"] = values.IdTag(kind) });

    /// <summary>
    /// StartTransaction; an offline one carries the time it happened, in the past (TC_037, TC_039). The meter
    /// moves on between sessions as a real one does, so that two starts on a connector never look like one
    /// start sent twice (same idTag, meterStart and timestamp: a retransmission, OCPP-J 1.6 §4.2).
    /// </summary>
    public async Task<CallExchange> StartTransactionAsync(string kind, bool reservation, bool offline)
    {
        sessionIdTag = values.IdTag(kind);
        sessionKind = kind;
        meter += 10;
        var payload = new JsonObject
        {
            ["connectorId"] = settings.ConnectorId,
            ["idTag"] = sessionIdTag,
            ["meterStart"] = meter,
            ["timestamp"] = offline ? LabValues.Timestamp(chargePoint.Target.Clock.GetUtcNow().AddMinutes(-settings.OfflineMinutesAgo)) : Now(),
        };
        if (reservation)
        {
            payload["reservationId"] = values.ReservationId();
        }

        var exchange = await CallAsync("StartTransaction", payload);
        if (exchange.Payload.TryGetProperty("transactionId", out var id) && id.TryGetInt32(out var transactionId))
        {
            chargePoint.TransactionId = transactionId;
            TransactionOpen = true;
        }

        return exchange;
    }

    /// <summary>
    /// StartTransaction of another driver's session on <paramref name="connectorId"/>, beside the scenario's own
    /// session; <see cref="StopOtherAsync"/> ends it.
    /// </summary>
    public async Task<CallExchange> StartOtherAsync(int connectorId, string kind)
    {
        var idTag = values.IdTag(kind);
        var exchange = await CallAsync("StartTransaction", new JsonObject
        {
            ["connectorId"] = connectorId,
            ["idTag"] = idTag,
            ["meterStart"] = 0,
            ["timestamp"] = Now(),
        });
        other = exchange.Payload.TryGetProperty("transactionId", out var id) && id.TryGetInt32(out var transactionId)
            ? new OpenTransaction(transactionId, idTag, 1500)
            : null;
        return exchange;
    }

    /// <summary>StopTransaction of the other driver's session.</summary>
    public async Task<CallExchange> StopOtherAsync(string reason)
    {
        var exchange = await StopAsync(other ?? throw new InvalidOperationException("No other driver's transaction was given an id."), reason, offline: false);
        other = null;
        return exchange;
    }

    /// <summary>The id tag the running (or last) transaction started with.</summary>
    public string? SessionIdTag => sessionIdTag;

    /// <summary>
    /// The idTagInfo.status StopTransaction.conf must carry for the session's tag (OCPP 1.6 §6.47: the CSMS
    /// reports the tag's authorization when the stop names one): Accepted for a tag the CSMS holds as valid,
    /// the tag's own status otherwise. Null when the session had no tag.
    /// </summary>
    public string? ExpectedStopStatus => sessionKind?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "invalid" or "unknown" => "Invalid",
        "expired" => "Expired",
        "blocked" => "Blocked",
        _ => "Accepted",
    };

    /// <summary>The transaction still open, for the clean-up; null when none is.</summary>
    public OpenTransaction? Open => TransactionOpen && chargePoint.TransactionId is { } id ? new OpenTransaction(id, sessionIdTag, meter) : null;

    /// <summary>
    /// StopTransaction of the running transaction, naming the session's idTag unless <paramref name="withIdTag"/>
    /// is false. The transaction counts as stopped only once the CSMS answered with a CALLRESULT: a refused stop
    /// leaves it open in the CSMS, and the clean-up must know.
    /// </summary>
    public async Task<CallExchange> StopTransactionAsync(string reason, bool offline, bool withIdTag = true)
    {
        meter += 2500;
        var exchange = await StopAsync(new OpenTransaction(
            chargePoint.TransactionId ?? throw new InvalidOperationException("StopTransaction needs a transaction that the CSMS gave an id."),
            withIdTag ? sessionIdTag : null,
            meter), reason, offline);
        TransactionOpen = false;
        return exchange;
    }

    /// <summary>StopTransaction of <paramref name="transaction"/>, which may be one an earlier scenario left open.</summary>
    public Task<CallExchange> StopAsync(OpenTransaction transaction, string reason, bool offline)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var payload = new JsonObject
        {
            ["transactionId"] = transaction.TransactionId,
            ["meterStop"] = transaction.MeterStop,
            ["timestamp"] = offline ? LabValues.Timestamp(chargePoint.Target.Clock.GetUtcNow().AddMinutes(-settings.OfflineMinutesAgo / 2.0)) : Now(),
            ["reason"] = reason,
        };
        if (transaction.IdTag is not null)
        {
            payload["idTag"] = transaction.IdTag;
        }

        return CallAsync("StopTransaction", payload);
    }

    public Task<CallExchange> MeterValuesAsync()
    {
        meter += 100;
        var payload = new JsonObject
        {
            ["connectorId"] = settings.ConnectorId,
            ["meterValue"] = new JsonArray(new JsonObject
            {
                ["timestamp"] = Now(),
                ["sampledValue"] = new JsonArray(new JsonObject
                {
                    ["value"] = meter.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["measurand"] = "Energy.Active.Import.Register",
                    ["unit"] = "Wh",
                }),
            }),
        };
        if (chargePoint.TransactionId is { } transactionId)
        {
            payload["transactionId"] = transactionId;
        }

        return CallAsync("MeterValues", payload);
    }

    public Task<CallExchange> SecurityEventAsync(string type) => CallAsync("SecurityEventNotification", new JsonObject
    {
        ["type"] = type,
        ["timestamp"] = Now(),
    });

    public Task<CallExchange> SignCertificateAsync() =>
        CallAsync("SignCertificate", new JsonObject { ["csr"] = certificates.CertificateSigningRequestPem() });

    private string Now() => LabValues.Timestamp(chargePoint.Target.Clock.GetUtcNow());
}
