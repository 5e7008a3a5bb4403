using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// Closing, disposing and replacing a connection while calls are in flight, queued or being answered: every call
/// ends answered, timed out or disconnected (OcppDisconnectedException), never with an ObjectDisposedException.
/// </summary>
[TestFixture]
public sealed class EndpointLifetimeTests
{
    private const string ResetAccepted = """{"status":"Accepted"}""";

    /// <summary>The seed of the stress run; OCPPLAB_STRESS_SEED replays another one.</summary>
    private static int StressSeed => int.TryParse(Environment.GetEnvironmentVariable("OCPPLAB_STRESS_SEED"), out var seed) ? seed : 1916;

    [Test]
    public async Task A_call_that_resumes_after_its_endpoint_was_disposed_ends_disconnected_not_with_ObjectDisposedException()
    {
        var time = new FakeTimeProvider();
        var endpoint = new OcppRpcEndpoint("CP-1", new OcppRouter<string>().Bind("CP-1"), timeProvider: time);
        var peer = new RawPeer(endpoint);
        var resumes = new PostedWork();

        // The call waits for its answer; its continuation can only run when the test pumps PostedWork, that is after
        // DisposeAsync has returned, which is the order a reboot produced: answer lost, connection disposed, call resumes.
        var call = resumes.Start(() => endpoint.CallAsync(new ResetRequest { Type = ResetType.Soft }));
        await peer.NextFrameAsync();
        var disposing = endpoint.DisposeAsync().AsTask();
        await resumes.RunUntilAsync(call);
        await disposing.Guarded();

        Assert.That(async () => await call, Throws.TypeOf<OcppDisconnectedException>());
    }

    [Test]
    public async Task An_answer_received_just_before_the_connection_is_disposed_is_returned_to_the_caller()
    {
        var time = new FakeTimeProvider();
        var endpoint = new OcppRpcEndpoint("CP-1", new OcppRouter<string>().Bind("CP-1"), timeProvider: time);
        var peer = new RawPeer(endpoint);
        var resumes = new PostedWork();

        var call = resumes.Start(() => endpoint.CallAsync(new ResetRequest { Type = ResetType.Hard }));
        peer.Answer(await peer.NextFrameAsync(), ResetAccepted);
        var disposing = endpoint.DisposeAsync().AsTask();
        await resumes.RunUntilAsync(call);
        await disposing.Guarded();

        Assert.That((await call).Status, Is.EqualTo(ResetStatus.Accepted));
    }

    [Test]
    public async Task Calls_queued_behind_the_outstanding_one_end_disconnected_when_the_endpoint_is_disposed()
    {
        var endpoint = new OcppRpcEndpoint("CP-1", new OcppRouter<string>().Bind("CP-1"), timeProvider: new FakeTimeProvider());
        var peer = new RawPeer(endpoint);

        var first = endpoint.CallAsync(new ResetRequest { Type = ResetType.Soft });
        await peer.NextFrameAsync();
        var queued = Enumerable.Range(0, 3).Select(_ => endpoint.CallRawAsync("Reset", Json("""{"type":"Soft"}"""))).ToList();
        await endpoint.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(async () => await first.Guarded(), Throws.TypeOf<OcppDisconnectedException>());
            foreach (var call in queued)
            {
                Assert.That(async () => await call.Guarded(), Throws.TypeOf<OcppDisconnectedException>());
            }

            Assert.That(async () => await endpoint.CallAsync(new ResetRequest { Type = ResetType.Soft }).Guarded(), Throws.TypeOf<OcppDisconnectedException>(), "a call after disposal");
        }
    }

    [Test]
    public async Task Calls_racing_close_dispose_and_a_replacing_connection_always_end_answered_timed_out_or_disconnected()
    {
        const int Iterations = 3000;
        var random = new Random(StressSeed);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var failures = await RaceOnceAsync(new Random(random.Next()), outcomes);
            Assert.That(failures, Is.Empty, $"seed {StressSeed}, iteration {iteration}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes.Keys, Is.SubsetOf(new[] { "answered", "timed out", "disconnected", "peer error" }));
            Assert.That(outcomes.GetValueOrDefault("answered"), Is.Positive, "some calls were answered");
            Assert.That(outcomes.GetValueOrDefault("disconnected"), Is.Positive, "some calls were cut off");
            Assert.That(outcomes.GetValueOrDefault("timed out"), Is.Positive, "some calls timed out");
        }
    }

    /// <summary>
    /// One connection (and maybe its replacement) with calls both ways, then Close, DisposeAsync and a replacement
    /// fired from other threads at random moments; returns every call that ended otherwise than defined.
    /// </summary>
    private static async Task<List<string>> RaceOnceAsync(Random random, Dictionary<string, int> outcomes)
    {
        var time = new FakeTimeProvider();
        var options = new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(30) };
        var stationMode = random.Next(4);
        var connections = new List<Connection> { Connection.Open(time, options, stationMode) };
        var current = connections[0];
        var calls = new List<Task>();
        var callers = random.Next(1, 5);
        for (var i = 0; i < callers; i++)
        {
            var raw = random.Next(2) == 0;
            calls.Add(Task.Run(() => raw
                ? Volatile.Read(ref current).CentralSystem.CallRawAsync("Reset", Json(ResetAccepted.Replace("status", "type", StringComparison.Ordinal).Replace("Accepted", "Soft", StringComparison.Ordinal)))
                : (Task)Volatile.Read(ref current).CentralSystem.CallAsync(new ResetRequest { Type = ResetType.Soft })));
        }

        var toCentralSystem = calls.ToArray();

        // The station calls too, so that inbound calls are being answered when the end comes.
        calls.Add(Task.Run(() => connections[0].ChargePoint.CallAsync(new HeartbeatRequest())));

        // Virtual time runs out for the calls in some rounds: once the station holds a CALL it will not answer, the clock
        // is advanced until every call has ended; in half of those rounds the close waits for that, so calls do time out.
        var timeRuns = Task.CompletedTask;
        if (random.Next(3) == 0)
        {
            timeRuns = Task.Run(async () =>
            {
                await Task.WhenAny(connections[0].StationHeld, connections[0].CentralSystem.CloseRequested).Guarded();
                for (var round = 0; round < 100 && !toCentralSystem.All(c => c.IsCompleted); round++)
                {
                    time.Advance(options.CallTimeout);
                    await Task.Yield();
                }
            });
        }

        var closeWaitsForTime = stationMode == 3 && random.Next(2) == 0;
        var spin = random.Next(0, 2000);
        var racers = new List<Task>
        {
            timeRuns,
            Task.Run(async () =>
            {
                if (closeWaitsForTime)
                {
                    await timeRuns;
                }

                Thread.SpinWait(random.Next(0, 2000));
                connections[0].CentralSystem.Close();
            }),
            Task.Run(async () =>
            {
                if (closeWaitsForTime)
                {
                    await timeRuns;
                }

                Thread.SpinWait(spin);
                await connections[0].CentralSystem.DisposeAsync();
            }),
        };
        if (random.Next(2) == 0)
        {
            // A second connection of the same station replaces the first, as the Central System does: attach, then close the old one.
            var replacement = Connection.Open(time, options, stationMode);
            connections.Add(replacement);
            racers.Add(Task.Run(() =>
            {
                Thread.SpinWait(random.Next(0, 2000));
                var old = Interlocked.Exchange(ref current, replacement);
                old.CentralSystem.Close();
            }));
        }

        await Task.WhenAll(racers).Guarded();
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        var failures = new List<string>();
        foreach (var call in calls)
        {
            try
            {
                await call.Guarded();
                Count(outcomes, "answered");
            }
            catch (OcppCallTimeoutException)
            {
                Count(outcomes, "timed out");
            }
            catch (OcppDisconnectedException)
            {
                Count(outcomes, "disconnected");
            }
            catch (OcppCallErrorException)
            {
                // The other side was already closing and answered what it could: still a defined answer.
                Count(outcomes, "peer error");
            }
#pragma warning disable CA1031 // Anything else is what this test is looking for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add(e.ToString());
            }
        }

        return failures;
    }

    private static void Count(Dictionary<string, int> outcomes, string outcome) =>
        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A connection: the Central System's endpoint and the station's, pumped into each other. The station answers
    /// Reset at once (mode 0), answers and drops the connection as a rebooting station does (1), answers after a
    /// yield (2), or never (3).
    /// </summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly Task[] pumps;

        private Connection(OcppRpcEndpoint centralSystem, OcppRpcEndpoint chargePoint, Task stationHeld)
        {
            StationHeld = stationHeld;
            CentralSystem = centralSystem;
            ChargePoint = chargePoint;
            pumps = [Task.Run(() => PumpAsync(centralSystem, chargePoint)), Task.Run(() => PumpAsync(chargePoint, centralSystem))];
        }

        public OcppRpcEndpoint CentralSystem { get; }

        public OcppRpcEndpoint ChargePoint { get; }

        /// <summary>Completes when the station holds a Reset it will never answer (mode 3).</summary>
        public Task StationHeld { get; }

        public static Connection Open(TimeProvider time, OcppRpcOptions options, int stationMode)
        {
            OcppRpcEndpoint? station = null;
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var centralSystem = new OcppRpcEndpoint(
                "CS",
                new OcppRouter<string>()
                    .Map<HeartbeatRequest, HeartbeatResponse>(async (_, _, cancellationToken) =>
                    {
                        await Task.Yield();
                        return new HeartbeatResponse { CurrentTime = time.GetUtcNow() };
                    })
                    .Bind("CP-1"),
                options,
                time);
            station = new OcppRpcEndpoint(
                "CP-1",
                new OcppRouter<string>()
                    .Map<ResetRequest, ResetResponse>(async (_, _, cancellationToken) =>
                    {
                        switch (stationMode)
                        {
                            case 1:
                                _ = Task.Run(() => station!.Close(), CancellationToken.None);
                                break;
                            case 2:
                                await Task.Yield();
                                break;
                            case 3:
                                held.TrySetResult();
                                await Task.Delay(Timeout.Infinite, cancellationToken);
                                break;
                        }

                        return new ResetResponse { Status = ResetStatus.Accepted };
                    })
                    .Bind("CS"),
                options,
                time);
            return new Connection(centralSystem, station, held.Task);
        }

        public async ValueTask DisposeAsync()
        {
            await CentralSystem.DisposeAsync();
            await ChargePoint.DisposeAsync();
            await Task.WhenAll(pumps).Guarded();
        }

        private static async Task PumpAsync(OcppRpcEndpoint from, OcppRpcEndpoint to)
        {
            await foreach (var frame in from.Outbound.ReadAllAsync())
            {
                to.Receive(frame);
            }
        }
    }
}
