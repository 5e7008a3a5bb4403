using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Stations;

/// <summary>The last StatusNotification of one connector (connector 0 is the charge point as a whole; OCPP 1.6 §4.9).</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="Status">Its status.</param>
/// <param name="ErrorCode">Its error code (NoError when fine).</param>
/// <param name="Info">Free-form information from the station.</param>
/// <param name="VendorId">Vendor of a vendor-specific error.</param>
/// <param name="VendorErrorCode">The vendor-specific error code.</param>
/// <param name="Timestamp">When the status was reached, as the station said (or when it arrived).</param>
public sealed record ConnectorState(
    int ConnectorId,
    ChargePointStatus Status,
    ChargePointErrorCode ErrorCode,
    string? Info,
    string? VendorId,
    string? VendorErrorCode,
    DateTimeOffset Timestamp);
