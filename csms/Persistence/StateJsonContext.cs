using System.Text.Json.Serialization;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.Reservations;
using OcppLab.Csms.Security;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Serialization;

namespace OcppLab.Csms.Persistence;

/// <summary>
/// How records are written to the data directory: camelCase JSON, the OCPP enums and timestamps as on the
/// wire (so a stored meter value reads like the MeterValues.req it came from), source-generated.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(TransactionRecord))]
[JsonSerializable(typeof(MeterValue))]
[JsonSerializable(typeof(IReadOnlyList<MeterValue>))]
[JsonSerializable(typeof(IdTagRecord))]
[JsonSerializable(typeof(ReservationRecord))]
[JsonSerializable(typeof(List<StoredProfile>))]
[JsonSerializable(typeof(StoredLocalList))]
[JsonSerializable(typeof(StoredStationSecurity))]
[JsonSerializable(typeof(CertificateSignedRecord))]
[JsonSerializable(typeof(int))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
