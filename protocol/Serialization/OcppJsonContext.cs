using System.Text.Json.Serialization;
using OcppLab.Protocol.Messages.Core;

namespace OcppLab.Protocol.Serialization;

/// <summary>
/// The one source-generated serializer context for every OCPP 1.6 payload. Strict: unknown members are
/// rejected, nulls are omitted on write, timestamps are written as UTC with milliseconds.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(UtcTimestampConverter)])]
// One line per payload type; OcppActions registers the same types with their action names.
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(BootNotificationRequest))]
[JsonSerializable(typeof(BootNotificationResponse))]
public sealed partial class OcppJsonContext : JsonSerializerContext;
