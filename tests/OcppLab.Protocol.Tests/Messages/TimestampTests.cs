using System.Text.Json;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Serialization;

namespace OcppLab.Protocol.Tests.Messages;

/// <summary>Every dateTime is written as UTC with milliseconds, whatever offset the value carries (OCPP 1.6 §7 recommendation).</summary>
[TestFixture]
public sealed class TimestampTests
{
    public static IEnumerable<TestCaseData> Instants()
    {
        yield return new TestCaseData(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero), "2026-01-31T12:00:00.000Z")
            .SetArgDisplayNames("UTC");
        yield return new TestCaseData(new DateTimeOffset(2026, 1, 31, 13, 0, 0, TimeSpan.FromHours(1)), "2026-01-31T12:00:00.000Z")
            .SetArgDisplayNames("+01:00");
        yield return new TestCaseData(new DateTimeOffset(2026, 1, 31, 7, 0, 0, TimeSpan.FromHours(-5)), "2026-01-31T12:00:00.000Z")
            .SetArgDisplayNames("-05:00");
        yield return new TestCaseData(new DateTimeOffset(2026, 2, 1, 0, 30, 0, TimeSpan.FromHours(5.5)), "2026-01-31T19:00:00.000Z")
            .SetArgDisplayNames("+05:30 across midnight");
        yield return new TestCaseData(new DateTimeOffset(2026, 1, 31, 12, 0, 0, 123, TimeSpan.Zero).AddTicks(4567), "2026-01-31T12:00:00.123Z")
            .SetArgDisplayNames("sub-millisecond ticks");
    }

    [TestCaseSource(nameof(Instants))]
    public void A_timestamp_is_written_as_UTC_with_milliseconds(DateTimeOffset value, string wire)
    {
        var json = JsonSerializer.Serialize(new HeartbeatResponse { CurrentTime = value }, OcppJsonContext.Default.HeartbeatResponse);

        Assert.That(json, Is.EqualTo($$"""{"currentTime":"{{wire}}"}"""));
    }

    [Test]
    public void An_optional_timestamp_deep_in_a_payload_is_written_the_same_way()
    {
        var response = new AuthorizeResponse
        {
            IdTagInfo = new IdTagInfo
            {
                ExpiryDate = new DateTimeOffset(2026, 3, 1, 9, 15, 30, 250, TimeSpan.FromHours(2)),
                Status = AuthorizationStatus.Accepted,
            },
        };

        var json = JsonSerializer.Serialize(response, OcppJsonContext.Default.AuthorizeResponse);

        Assert.That(json, Is.EqualTo("""{"idTagInfo":{"expiryDate":"2026-03-01T07:15:30.250Z","status":"Accepted"}}"""));
    }

    [Test]
    public void A_timestamp_with_an_offset_is_read_as_the_same_instant()
    {
        var response = JsonSerializer.Deserialize("""{"currentTime":"2026-01-31T13:00:00+01:00"}""", OcppJsonContext.Default.HeartbeatResponse);

        Assert.That(response!.CurrentTime, Is.EqualTo(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero)));
    }
}
