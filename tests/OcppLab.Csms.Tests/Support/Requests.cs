using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Support;

/// <summary>Ready-made charge point requests for tests.</summary>
public static class Requests
{
    /// <summary>A BootNotification of a lab charge point.</summary>
    public static BootNotificationRequest Boot(string vendor = "OcppLab", string model = "VirtualCP") =>
        new() { ChargePointVendor = vendor, ChargePointModel = model, FirmwareVersion = "1.0.0", ChargePointSerialNumber = "SN-0001" };

    /// <summary>A StatusNotification of one connector.</summary>
    public static StatusNotificationRequest Status(int connectorId, ChargePointStatus status, ChargePointErrorCode errorCode = ChargePointErrorCode.NoError) =>
        new() { ConnectorId = connectorId, Status = status, ErrorCode = errorCode };

    /// <summary>A StartTransaction.</summary>
    public static StartTransactionRequest Start(int connectorId, string idTag, DateTimeOffset timestamp, int meterStart = 1000, int? reservationId = null) =>
        new() { ConnectorId = connectorId, IdTag = idTag, MeterStart = meterStart, Timestamp = timestamp, ReservationId = reservationId };

    /// <summary>A StopTransaction.</summary>
    public static StopTransactionRequest Stop(int transactionId, DateTimeOffset timestamp, int meterStop = 5000, Reason? reason = null, string? idTag = null) =>
        new() { TransactionId = transactionId, MeterStop = meterStop, Timestamp = timestamp, Reason = reason, IdTag = idTag };
}
