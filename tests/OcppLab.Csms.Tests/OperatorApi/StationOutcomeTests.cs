using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.OperatorApi;

/// <summary>
/// What the operator API answers when the station's connection ends around its answer: the answer when it came
/// (also when the station reboots right after it), a 503 problem when the connection ended first, a 504 problem
/// when nothing came in time; never an empty 500.
/// </summary>
public sealed class StationOutcomeTests
{
    [Test]
    public async Task A_reset_whose_station_answers_Accepted_and_closes_at_once_returns_200_every_time()
    {
        const int Resets = 200;
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        var statuses = new List<HttpStatusCode>();
        var answers = new List<string?>();
        for (var i = 0; i < Resets; i++)
        {
            var station = await RawStation.ConnectAsync(csms, "REBOOT01");
            var reset = http.PostAsync("/api/charge-points/REBOOT01/reset", Json("""{"type":"Hard"}"""));
            var call = (await station.ReceiveAsync())!.Value;
            await station.SendTextAsync($$"""[3,"{{call[1].GetString()}}",{"status":"Accepted"}]""");

            // The station reboots: the close follows the answer at once.
            await station.DisposeAsync();
            using var response = await reset.WaitAsync(TimeSpan.FromSeconds(10));
            statuses.Add(response.StatusCode);
            answers.Add(response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : await response.Content.ReadAsStringAsync());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK), string.Join(Environment.NewLine, answers.Where(a => a != "Accepted").Distinct()));
            Assert.That(answers, Is.All.EqualTo("Accepted"));
        }
    }

    [Test]
    public async Task A_station_that_closes_before_answering_gives_a_503_disconnected_problem()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        var station = await RawStation.ConnectAsync(csms, "REBOOT02");

        var reset = http.PostAsync("/api/charge-points/REBOOT02/reset", Json("""{"type":"Soft"}"""));
        await station.ReceiveAsync();
        await station.DisposeAsync();
        using var response = await reset.WaitAsync(TimeSpan.FromSeconds(10));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:disconnected"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Reset"));
        }
    }

    [Test]
    public async Task A_station_that_never_answers_gives_a_504_timeout_problem()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:CallTimeoutSeconds"] = "30" });
        using var http = csms.CreateClient();
        await using var station = await RawStation.ConnectAsync(csms, "SILENT01");

        var reset = http.PostAsync("/api/charge-points/SILENT01/reset", Json("""{"type":"Soft"}"""));
        await station.ReceiveAsync();
        csms.Time.Advance(TimeSpan.FromSeconds(31));
        using var response = await reset.WaitAsync(TimeSpan.FromSeconds(10));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:timeout"));
        }
    }

    [Test]
    public async Task A_malformed_answer_frame_gives_a_502_problem_naming_the_fault()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        await using var station = await RawStation.ConnectAsync(csms, "BROKEN01");

        var reset = http.PostAsync("/api/charge-points/BROKEN01/reset", Json("""{"type":"Soft"}"""));
        var call = (await station.ReceiveAsync())!.Value;
        await station.SendTextAsync($$"""[3,"{{call[1].GetString()}}"]""");
        using var response = await reset.WaitAsync(TimeSpan.FromSeconds(10));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:invalid-response"));
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
