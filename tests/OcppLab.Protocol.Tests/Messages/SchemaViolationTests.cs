using System.Text.Json;
using OcppLab.Protocol.Messages;

namespace OcppLab.Protocol.Tests.Messages;

/// <summary>A payload that breaks one schema constraint maps to the precise OCPP-J error code (OCPP-J 1.6 §4.2.3).</summary>
[TestFixture]
public sealed class SchemaViolationTests
{
    private static readonly string IdTag21 = new('A', 21);
    private static readonly string Key51 = new('K', 51);
    private static readonly string Pem5501 = new('P', 5501);

    private const string ValidSampledValue = """{"value":"12.5"}""";
    private const string ValidMeterValue = """{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[{"value":"12.5"}]}""";

    public static IEnumerable<TestCaseData> Violations()
    {
        // Occurrence: a required member is missing, or an array is emptier than minItems.
        yield return Case("Authorize", PayloadKind.Request, "{}", OcppErrorCode.OccurenceConstraintViolation, "$.idTag");
        yield return Case("BootNotification", PayloadKind.Request, """{"chargePointVendor":"OcppLab"}""", OcppErrorCode.OccurenceConstraintViolation, "$.chargePointModel");
        yield return Case("StartTransaction", PayloadKind.Response, """{"idTagInfo":{"status":"Accepted"}}""", OcppErrorCode.OccurenceConstraintViolation, "$.transactionId");
        yield return Case("Authorize", PayloadKind.Response, """{"idTagInfo":{"parentIdTag":"FLEET"}}""", OcppErrorCode.OccurenceConstraintViolation, "$.idTagInfo.status");
        yield return Case("GetConfiguration", PayloadKind.Response, """{"configurationKey":[{"key":"HeartbeatInterval","value":"300"}]}""", OcppErrorCode.OccurenceConstraintViolation, "$.configurationKey[0].readonly");
        yield return Case("MeterValues", PayloadKind.Request, """{"connectorId":1,"meterValue":[]}""", OcppErrorCode.OccurenceConstraintViolation, "$.meterValue");
        yield return Case("MeterValues", PayloadKind.Request, """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[]}]}""", OcppErrorCode.OccurenceConstraintViolation, "$.meterValue[0].sampledValue");
        yield return Case("SetChargingProfile", PayloadKind.Request, Profile("[]"), OcppErrorCode.OccurenceConstraintViolation, "$.csChargingProfiles.chargingSchedule.chargingSchedulePeriod");
        yield return Case("GetInstalledCertificateIds", PayloadKind.Response, """{"status":"Accepted","certificateHashData":[]}""", OcppErrorCode.OccurenceConstraintViolation, "$.certificateHashData");

        // Type: the JSON type is wrong, an integer has a fraction, or a member is null.
        yield return Case("StartTransaction", PayloadKind.Request, """{"connectorId":"1","idTag":"TAG","meterStart":0,"timestamp":"2026-01-31T12:00:00Z"}""", OcppErrorCode.TypeConstraintViolation, "$.connectorId");
        yield return Case("MeterValues", PayloadKind.Request, $$"""{"connectorId":1.5,"meterValue":[{{ValidMeterValue}}]}""", OcppErrorCode.TypeConstraintViolation, "$.connectorId");
        yield return Case("BootNotification", PayloadKind.Response, """{"status":"Accepted","currentTime":"2026-01-31T12:00:00Z","interval":1.5}""", OcppErrorCode.TypeConstraintViolation, "$.interval");
        yield return Case("SetChargingProfile", PayloadKind.Request, Profile("""[{"startPeriod":0,"limit":"16"}]"""), OcppErrorCode.TypeConstraintViolation, "$.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit");
        yield return Case("GetConfiguration", PayloadKind.Response, """{"configurationKey":[{"key":"HeartbeatInterval","readonly":"false"}]}""", OcppErrorCode.TypeConstraintViolation, "$.configurationKey[0].readonly");
        yield return Case("MeterValues", PayloadKind.Request, """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[{"value":12.5}]}]}""", OcppErrorCode.TypeConstraintViolation, "$.meterValue[0].sampledValue[0].value");
        yield return Case("StopTransaction", PayloadKind.Request, """{"idTag":null,"meterStop":10,"timestamp":"2026-01-31T12:00:00Z","transactionId":1}""", OcppErrorCode.TypeConstraintViolation, "$.idTag");
        yield return Case("StartTransaction", PayloadKind.Response, """{"idTagInfo":null,"transactionId":1}""", OcppErrorCode.TypeConstraintViolation, "$.idTagInfo");
        yield return Case("Heartbeat", PayloadKind.Request, "[]", OcppErrorCode.TypeConstraintViolation, "$");
        yield return Case("UnlockConnector", PayloadKind.Request, """{"connectorId":1e2}""", OcppErrorCode.TypeConstraintViolation, "$.connectorId");
        yield return Case("UnlockConnector", PayloadKind.Request, """{"connectorId":99999999999}""", OcppErrorCode.PropertyConstraintViolation, "$.connectorId");

        // Property: too long, not in the enum, or not a date-time with a zone.
        yield return Case("Authorize", PayloadKind.Request, $$"""{"idTag":"{{IdTag21}}"}""", OcppErrorCode.PropertyConstraintViolation, "$.idTag");
        yield return Case("Authorize", PayloadKind.Response, $$$"""{"idTagInfo":{"parentIdTag":"{{{IdTag21}}}","status":"Accepted"}}""", OcppErrorCode.PropertyConstraintViolation, "$.idTagInfo.parentIdTag");
        yield return Case("GetConfiguration", PayloadKind.Request, $$"""{"key":["HeartbeatInterval","{{Key51}}"]}""", OcppErrorCode.PropertyConstraintViolation, "$.key[1]");
        yield return Case("InstallCertificate", PayloadKind.Request, $$"""{"certificateType":"ManufacturerRootCertificate","certificate":"{{Pem5501}}"}""", OcppErrorCode.PropertyConstraintViolation, "$.certificate");
        yield return Case("StatusNotification", PayloadKind.Request, """{"connectorId":1,"errorCode":"NoError","status":"Charging "}""", OcppErrorCode.PropertyConstraintViolation, "$.status");
        yield return Case("Authorize", PayloadKind.Response, """{"idTagInfo":{"status":"accepted"}}""", OcppErrorCode.PropertyConstraintViolation, "$.idTagInfo.status");
        yield return Case("MeterValues", PayloadKind.Request, """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[{"value":"1","measurand":"Energy.Active.Import"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "$.meterValue[0].sampledValue[0].measurand");
        yield return Case("MeterValues", PayloadKind.Request, """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[{"value":"1","phase":"L1N"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "$.meterValue[0].sampledValue[0].phase");
        yield return Case("StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"TAG","meterStart":0,"timestamp":"2026-01-31T12:00:00"}""", OcppErrorCode.PropertyConstraintViolation, "$.timestamp");
        yield return Case("Heartbeat", PayloadKind.Response, """{"currentTime":"31/01/2026 12:00"}""", OcppErrorCode.PropertyConstraintViolation, "$.currentTime");
        yield return Case("Heartbeat", PayloadKind.Response, """{"currentTime":"2026-01-31T12:00:00.Z"}""", OcppErrorCode.PropertyConstraintViolation, "$.currentTime");
        yield return Case("ReserveNow", PayloadKind.Request, """{"connectorId":0,"expiryDate":"2026-02-30T12:00:00Z","idTag":"TAG","reservationId":1}""", OcppErrorCode.PropertyConstraintViolation, "$.expiryDate");

        // Formation: a member the schema does not define (additionalProperties: false).
        yield return Case("Heartbeat", PayloadKind.Request, """{"foo":1}""", OcppErrorCode.FormationViolation, "$.foo");
        yield return Case("Authorize", PayloadKind.Response, """{"idTagInfo":{"status":"Accepted","groupIdTag":"FLEET"}}""", OcppErrorCode.FormationViolation, "$.idTagInfo.groupIdTag");
        yield return Case("MeterValues", PayloadKind.Request, $$"""{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[{{ValidSampledValue}}],"evseId":1}]}""", OcppErrorCode.FormationViolation, "$.meterValue[0].evseId");

        // An unknown member beside a repeated known one: the member count alone does not clear the payload.
        yield return Case("Authorize", PayloadKind.Request, """{"idTag":"A","idTag":"B","foo":1}""", OcppErrorCode.FormationViolation, "$.foo");

        // Escapes are counted as the characters they stand for: 21 of them are too many for CiString20.
        yield return Case("Authorize", PayloadKind.Request, $$"""{"idTag":"{{string.Concat(Enumerable.Repeat("\u0041", 21))}}"}""", OcppErrorCode.PropertyConstraintViolation, "$.idTag");

        // Timestamps in the wire shape (digits, Z) that name no instant: the fast check defers to the calendar.
        yield return Case("StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2026-13-01T00:00:00.000Z"}""", OcppErrorCode.PropertyConstraintViolation, "$.timestamp");
        yield return Case("StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2026-02-29T00:00:00Z"}""", OcppErrorCode.PropertyConstraintViolation, "$.timestamp");
        yield return Case("StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2026-01-31T24:00:00Z"}""", OcppErrorCode.PropertyConstraintViolation, "$.timestamp");
        yield return Case("StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2026-01-31T12:00:00"}""", OcppErrorCode.PropertyConstraintViolation, "$.timestamp");

        // An enum value is compared exactly, escapes resolved: case and near misses fail.
        yield return Case("Authorize", PayloadKind.Response, """{"idTagInfo":{"status":"accepted"}}""", OcppErrorCode.PropertyConstraintViolation, "$.idTagInfo.status");
        yield return Case("MeterValues", PayloadKind.Request, """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[{"value":"1"},{"value":"2","unit":"kwh"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "$.meterValue[0].sampledValue[1].unit");
    }

    public static IEnumerable<TestCaseData> Conforming()
    {
        yield return new TestCaseData("DataTransfer", PayloadKind.Request, $$"""{"vendorId":"com.ocpplab","data":"{{new string('d', 100_000)}}"}""")
            .SetArgDisplayNames("DataTransfer data has no maximum length");
        yield return new TestCaseData("SetChargingProfile", PayloadKind.Request, Profile("""[{"startPeriod":0,"limit":16}]"""))
            .SetArgDisplayNames("an integral limit is a valid number");
        yield return new TestCaseData("StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"TAG","meterStart":0,"timestamp":"2026-01-31T13:00:00.123456+01:00"}""")
            .SetArgDisplayNames("a date-time with an offset and microseconds");
        yield return new TestCaseData("Authorize", PayloadKind.Request, $$"""{"idTag":"{{new string('A', 20)}}"}""")
            .SetArgDisplayNames("an idTag of exactly 20 characters");
        yield return new TestCaseData("Authorize", PayloadKind.Request, $$"""{"idTag":"{{new string('A', 19)}}\uD83D\uDD0C"}""")
            .SetArgDisplayNames("an idTag of 20 characters, the last outside the BMP, counts as 20");
        yield return new TestCaseData("Authorize", PayloadKind.Request, $$"""{"idTag":"{{string.Concat(Enumerable.Repeat("\\u0041", 20))}}"}""")
            .SetArgDisplayNames("20 escaped characters in a CiString20");
        yield return new TestCaseData("Authorize", PayloadKind.Request, """{"idTag":"A","idTag":"B"}""")
            .SetArgDisplayNames("a known member twice, nothing unknown");
        yield return new TestCaseData("MeterValues", PayloadKind.Request, """{"connectorId":0,"meterValue":[{"timestamp":"2026-01-31T12:00:00Z","sampledValue":[{"value":"21.5","unit":"Celsius"},{"value":"21.5","unit":"Celcius"}]}]}""")
            .SetArgDisplayNames("both spellings of Celsius");
        yield return new TestCaseData("Authorize", PayloadKind.Response, """{"idTagInfo":{"status":"\u0041ccepted","expiryDate":"2026-01-31T12:00:00.000Z"}}""")
            .SetArgDisplayNames("an escaped enum value and a timestamp in the wire format");
        yield return new TestCaseData("StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2028-02-29T23:59:59z"}""")
            .SetArgDisplayNames("a leap day, and a lower-case zone RFC 3339 allows");
    }

    [TestCaseSource(nameof(Violations))]
    public void A_payload_that_breaks_the_schema_gets_the_precise_error_code_and_path(
        string action, PayloadKind kind, string json, OcppErrorCode code, string path)
    {
        var violation = Validate(action, kind, json);

        Assert.That(violation, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(violation!.Code, Is.EqualTo(code), violation.ToString());
            Assert.That(violation.Path, Is.EqualTo(path), violation.ToString());
        });
    }

    [TestCaseSource(nameof(Conforming))]
    public void A_payload_at_the_edge_of_the_schema_conforms(string action, PayloadKind kind, string json)
    {
        Assert.That(Validate(action, kind, json), Is.Null);
    }

    private static TestCaseData Case(string action, PayloadKind kind, string json, OcppErrorCode code, string path) =>
        new TestCaseData(action, kind, json, code, path).SetArgDisplayNames(action, kind.ToString(), code.ToString(), path);

    private static string Profile(string periods) =>
        $$$$"""
        {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile",
        "chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":{{{{periods}}}}}}}
        """;

    private static Validation.SchemaViolation? Validate(string action, PayloadKind kind, string json)
    {
        Assert.That(OcppActions.TryGet(action, out var descriptor), Is.True, $"{action} is not in the catalogue.");
        using var document = JsonDocument.Parse(json);
        var schema = kind == PayloadKind.Request ? descriptor!.RequestSchema : descriptor!.ResponseSchema;
        return schema.Validate(document.RootElement);
    }
}
