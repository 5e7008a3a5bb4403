using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Serialization;

namespace OcppLab.Protocol.Tests.Messages;

/// <summary>Enum values are written exactly as the spec spells them, dots, dashes and lower case included.</summary>
[TestFixture]
public sealed class EnumSpellingTests
{
    public static IEnumerable<TestCaseData> SpecSpellings()
    {
        yield return Spelling(Measurand.EnergyActiveImportRegister, "Energy.Active.Import.Register");
        yield return Spelling(Measurand.EnergyReactiveExportInterval, "Energy.Reactive.Export.Interval");
        yield return Spelling(Measurand.PowerActiveImport, "Power.Active.Import");
        yield return Spelling(Measurand.CurrentOffered, "Current.Offered");
        yield return Spelling(Measurand.SoC, "SoC");
        yield return Spelling(Measurand.RPM, "RPM");
        yield return Spelling(Phase.L1N, "L1-N");
        yield return Spelling(Phase.L3L1, "L3-L1");
        yield return Spelling(Phase.N, "N");
        yield return Spelling(ReadingContext.SampleClock, "Sample.Clock");
        yield return Spelling(ReadingContext.TransactionBegin, "Transaction.Begin");
        yield return Spelling(ReadingContext.InterruptionEnd, "Interruption.End");
        yield return Spelling(UnitOfMeasure.KWh, "kWh");
        yield return Spelling(UnitOfMeasure.Kvarh, "kvarh");
        yield return Spelling(UnitOfMeasure.KVA, "kVA");
        yield return Spelling(UnitOfMeasure.Var, "var");
        yield return Spelling(UnitOfMeasure.Celcius, "Celcius");
        yield return Spelling(UnitOfMeasure.Celsius, "Celsius");
        yield return Spelling(Location.EV, "EV");
        yield return Spelling(ChargePointStatus.SuspendedEVSE, "SuspendedEVSE");
        yield return Spelling(ChargePointStatus.SuspendedEV, "SuspendedEV");
        yield return Spelling(ChargePointErrorCode.EVCommunicationError, "EVCommunicationError");
        yield return Spelling(AuthorizationStatus.ConcurrentTx, "ConcurrentTx");
        yield return Spelling(ReservationStatus.Occupied, "Occupied");
        yield return Spelling(Reason.DeAuthorized, "DeAuthorized");
        yield return Spelling(Reason.EVDisconnected, "EVDisconnected");
        yield return Spelling(ChargingRateUnitType.W, "W");
        yield return Spelling(ChargingProfilePurposeType.ChargePointMaxProfile, "ChargePointMaxProfile");
        yield return Spelling(MessageTrigger.DiagnosticsStatusNotification, "DiagnosticsStatusNotification");
        yield return Spelling(HashAlgorithm.SHA384, "SHA384");
        yield return Spelling(ExtendedMessageTrigger.SignChargePointCertificate, "SignChargePointCertificate");
        yield return Spelling(ExtendedMessageTrigger.FirmwareStatusNotification, "FirmwareStatusNotification");
        yield return Spelling(SignedFirmwareStatus.InstallVerificationFailed, "InstallVerificationFailed");
        yield return Spelling(UpdateFirmwareStatus.AcceptedCanceled, "AcceptedCanceled");
        yield return Spelling(UploadLogStatus.NotSupportedOperation, "NotSupportedOperation");
    }

    public static IEnumerable<Type> EnumTypes() =>
        typeof(RegistrationStatus).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace == typeof(RegistrationStatus).Namespace)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    [TestCaseSource(nameof(SpecSpellings))]
    public void An_enum_value_is_written_and_read_with_the_spec_spelling(Enum value, string wire)
    {
        var typeInfo = TypeInfoOf(value.GetType());

        var json = JsonSerializer.Serialize(value, typeInfo);
        var back = JsonSerializer.Deserialize($"\"{wire}\"", typeInfo);

        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo($"\"{wire}\""));
            Assert.That(back, Is.EqualTo(value));
        });
    }

    [TestCaseSource(nameof(EnumTypes))]
    public void Every_member_of_an_enum_round_trips_under_a_distinct_wire_name(Type enumType)
    {
        var typeInfo = TypeInfoOf(enumType);
        var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);

        var wireNames = fields
            .Select(f => JsonSerializer.Serialize(f.GetValue(null), typeInfo))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(enumType.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType, Is.Not.Null, "the enum must carry its string converter");
            Assert.That(wireNames, Is.Unique);
            Assert.That(wireNames, Has.All.StartsWith("\"").And.All.Not.Contains(" "));
            foreach (var field in fields)
            {
                var wire = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
                Assert.That(JsonSerializer.Deserialize($"\"{wire}\"", typeInfo), Is.EqualTo(field.GetValue(null)), wire);
            }
        });
    }

    [Test]
    public void A_meter_value_is_written_with_every_sampled_value_attribute_spelled_as_in_the_spec()
    {
        var request = new MeterValuesRequest
        {
            ConnectorId = 1,
            MeterValue =
            [
                new MeterValue
                {
                    Timestamp = new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero),
                    SampledValue =
                    [
                        new SampledValue
                        {
                            Value = "7.4",
                            Context = ReadingContext.SamplePeriodic,
                            Format = ValueFormat.SignedData,
                            Measurand = Measurand.PowerActiveImport,
                            Phase = Phase.L1N,
                            Location = Location.Inlet,
                            Unit = UnitOfMeasure.KW,
                        },
                    ],
                },
            ],
        };

        var json = JsonSerializer.Serialize(request, OcppJsonContext.Default.MeterValuesRequest);

        Assert.That(json, Is.EqualTo(
            """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T12:00:00.000Z","sampledValue":[{"value":"7.4","context":"Sample.Periodic","format":"SignedData","measurand":"Power.Active.Import","phase":"L1-N","location":"Inlet","unit":"kW"}]}]}"""));
    }

    private static TestCaseData Spelling(Enum value, string wire) =>
        new TestCaseData(value, wire).SetArgDisplayNames($"{value.GetType().Name}.{value}", wire);

    private static JsonTypeInfo TypeInfoOf(Type type) =>
        OcppJsonContext.Default.GetTypeInfo(type)
        ?? throw new InvalidOperationException($"{type.Name} is not reachable from {nameof(OcppJsonContext)}.");
}
