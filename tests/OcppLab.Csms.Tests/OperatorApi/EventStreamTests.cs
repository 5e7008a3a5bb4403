using System.Text.Json;
using OcppLab.Csms.Tests.Profiles;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.OperatorApi;

public sealed class EventStreamTests
{
    [Test]
    public async Task Every_frame_in_and_out_is_streamed_with_station_direction_action_message_id_round_trip_and_payload()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        await using var other = await CoreOperationTests.ConnectAsync(csms, new StationScript(), "CP002");
        using var http = csms.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var response = await http.GetAsync("/api/events?chargePointId=CP001&recent=true", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await Api.PostAsync(http, "/api/charge-points/CP001/reset", """{"type":"Soft"}""");
        var frames = await ReadFramesAsync(response, 4, timeout.Token);

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(frames.Select(f => f.GetProperty("chargePointId").GetString()), Has.All.EqualTo("CP001"));
        Assert.That(frames[0].GetProperty("action").GetString(), Is.EqualTo("BootNotification"));
        Assert.That(frames[0].GetProperty("direction").GetString(), Is.EqualTo("In"));
        Assert.That(frames[0].GetProperty("payload").GetProperty("chargePointVendor").GetString(), Is.EqualTo("OcppLab"));
        var answer = frames[3];
        Assert.That(answer.GetProperty("action").GetString(), Is.EqualTo("Reset"));
        Assert.That(answer.GetProperty("type").GetString(), Is.EqualTo("CallResult"));
        Assert.That(answer.GetProperty("messageId").GetString(), Is.EqualTo(frames[2].GetProperty("messageId").GetString()));
        Assert.That(answer.TryGetProperty("roundTripMs", out _), Is.True);
    }

    private static async Task<List<JsonElement>> ReadFramesAsync(HttpResponseMessage response, int count, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var frames = new List<JsonElement>();
        while (frames.Count < count && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                frames.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }

        return frames;
    }
}
