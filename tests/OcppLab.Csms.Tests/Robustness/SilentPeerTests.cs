using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>
/// Issue 9, slow and silent peers: a station that stops answering pings, one that never answers a CALL,
/// one that never reads what it is sent. The first and the last need a real socket and real time; the
/// settings keep that to a few seconds.
/// </summary>
public sealed class SilentPeerTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task A_station_that_stops_answering_pings_is_shown_offline_within_the_ping_interval_plus_timeout_and_a_responsive_one_stays_online(CancellationToken cancellationToken)
    {
        await using var csms = new CsmsFactory(
            new Dictionary<string, string?> { ["Csms:WebSocketPingIntervalSeconds"] = "1", ["Csms:WebSocketPingTimeoutSeconds"] = "1" },
            kestrel: true);
        using var http = new HttpClient { BaseAddress = csms.HttpBaseUri };
        using var responsive = new ClientWebSocket();
        responsive.Options.AddSubProtocol("ocpp1.6");
        await responsive.ConnectAsync(new Uri(csms.OcppBaseUri, "AWAKE01"), cancellationToken);
        // A library socket answers pings only while a receive is pending.
        var reading = responsive.ReceiveAsync(new byte[1024], cancellationToken);
        using var silent = await RawTcpStation.ConnectAsync(csms.OcppBaseUri, "SILENT01");
        var clock = Stopwatch.StartNew();

        Assert.That(await ConnectedAsync(http, "SILENT01", cancellationToken), Is.True);
        while (await ConnectedAsync(http, "SILENT01", cancellationToken))
        {
            await Task.Delay(50, cancellationToken);
        }

        var offlineAfter = clock.Elapsed;
        TestContext.Out.WriteLine($"offline after {offlineAfter.TotalSeconds:F2} s (ping every 1 s, pong timeout 1 s)");
        Assert.That(offlineAfter, Is.LessThan(TimeSpan.FromSeconds(6)));
        Assert.That(offlineAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(await ConnectedAsync(http, "AWAKE01", cancellationToken), Is.True, "a station that answers pings was dropped");
        Assert.That(reading.IsCompleted, Is.False);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task After_a_call_the_station_never_answers_times_out_the_next_operator_call_goes_out_and_is_answered(CancellationToken cancellationToken)
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:CallTimeoutSeconds"] = "30" });
        await using var station = await RawStation.ConnectAsync(csms, "HUSH01");
        using var http = csms.CreateClient();

        var first = Api.PostAsync(http, "/api/charge-points/HUSH01/calls/ClearCache", "{}");
        var ignored = await station.ReceiveAsync();
        var second = Api.PostAsync(http, "/api/charge-points/HUSH01/calls/ClearCache", "{}");

        // The call's timer starts just after its frame is queued; advance until it has fired (virtual time).
        while (!first.IsCompleted)
        {
            csms.Time.Advance(TimeSpan.FromSeconds(31));
            await Task.WhenAny(first, Task.Delay(20, cancellationToken));
        }

        var (firstStatus, _) = await first;
        var next = await station.ReceiveAsync();
        await station.SendTextAsync($$"""[3,"{{next!.Value[1].GetString()}}",{"status":"Accepted"}]""");
        var (secondStatus, answer) = await second.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.That(firstStatus, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(next.Value[2].GetString(), Is.EqualTo("ClearCache"));
        Assert.That(next.Value[1].GetString(), Is.Not.EqualTo(ignored!.Value[1].GetString()));
        Assert.That(secondStatus, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_station_that_sends_but_never_reads_is_disconnected_instead_of_its_answers_queuing_without_bound(CancellationToken cancellationToken)
    {
        // Bad-frame counting off, so that only the full send queue can end the connection.
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:MaxConsecutiveBadFrames"] = "0" }, kestrel: true);
        var registry = csms.Services.GetRequiredService<ChargePointRegistry>();
        using var station = await RawTcpStation.ConnectAsync(csms.OcppBaseUri, "DEAF01", receiveBuffer: 4096);

        // Each CALL earns a NotImplemented CALLERROR of about 4 KiB that names the action; the cap is
        // 80 MiB of answers, far beyond the kernel buffers plus a bounded queue.
        var action = new string('A', 4000);
        const int Cap = 20_000;
        var sent = 0;
        var disconnected = false;
        while (sent < Cap && !disconnected)
        {
            try
            {
                await station.SendTextAsync($$"""[2,"deaf-{{sent}}","{{action}}",{}]""", cancellationToken);
                sent++;
            }
            catch (IOException)
            {
                disconnected = true;
            }

            disconnected |= sent % 50 == 0 && registry.Find("DEAF01") is { IsConnected: false };
        }

        // Writes may still succeed into the kernel buffer after the server gave up; the registry says offline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        while (registry.Find("DEAF01") is { IsConnected: true })
        {
            await Task.Delay(50, deadline.Token);
        }

        TestContext.Out.WriteLine($"disconnected after {sent} CALLs (~{sent * 4 / 1024.0:F1} MiB of unread answers)");
        Assert.That(sent, Is.LessThan(Cap), "the Central System kept queuing answers nobody reads");
        Assert.That(registry.Find("DEAF01")!.IsConnected, Is.False);
    }

    private static async Task<bool> ConnectedAsync(HttpClient http, string id, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/charge-points/{id}", cancellationToken)).GetProperty("connected").GetBoolean();
}
