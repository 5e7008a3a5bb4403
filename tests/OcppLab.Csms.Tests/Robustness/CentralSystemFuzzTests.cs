using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using OcppLab.Csms.Tests.Support;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using OcppLab.Tests.Shared;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>
/// Issue 9, bad input: seeded fuzzers on many connections while a healthy station charges on another.
/// The normal run is small (seconds); set <c>OCPPLAB_FUZZ_ITERATIONS</c> to the number of frames each
/// fuzzer sends for a larger one and <c>OCPPLAB_FUZZ_SEED</c> for other frames, e.g.
/// <c>OCPPLAB_FUZZ_ITERATIONS=20000 dotnet test --filter Fuzz</c> (bench/fuzz.sh records such a run).
/// Every CALL with a readable id must be answered, with an answer <see cref="OcppJFrameOracle"/> says is
/// right for it, before the answer to the next marker; what is asserted does not depend on timing.
/// </summary>
public sealed class CentralSystemFuzzTests
{
    private const int DefaultSeed = 9;
    private const int Fuzzers = 6;
    private const int DefaultIterations = 300;
    private const int MaxFrameBytes = 64 * 1024;
    private const string Healthy = "HEALTHY01";

    private static readonly HashSet<string> ErrorCodes =
    [
        "NotImplemented", "NotSupported", "InternalError", "ProtocolError", "SecurityError", "FormationViolation",
        "PropertyConstraintViolation", "OccurenceConstraintViolation", "TypeConstraintViolation", "GenericError",
    ];

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("OCPPLAB_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : DefaultIterations;

    private static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("OCPPLAB_FUZZ_SEED"), out var n) ? n : DefaultSeed;

    [Test]
    [CancelAfter(600_000)]
    public async Task Fuzzed_connections_get_only_well_formed_answers_to_their_CALLs_and_1002_or_1009_closes_while_a_healthy_station_charges_sized_by_OCPPLAB_FUZZ_ITERATIONS(CancellationToken cancellationToken)
    {
        // Unobserved task exceptions of earlier tests surface on the next collection; flush them first.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;

        var logs = new CapturedLogs();
        await using var root = new CsmsFactory(new Dictionary<string, string?>
        {
            ["Csms:MaxFrameBytes"] = MaxFrameBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Csms:MaxConsecutiveBadFrames"] = "8",
            // Fuzzers send well-formed security events too; each is a Warning, which would drown the run's output.
            ["Logging:LogLevel:OcppLab.Csms.Handlers.Security"] = "Error",
            // So are the stops of other stations' transactions and the boots mid-transaction the fuzzers cause.
            ["Logging:LogLevel:OcppLab.Csms.Transactions"] = "Error",
        });
        await using var csms = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var server = csms.Server;

        var sessions = Math.Max(10, Iterations / 30);
        await using var station = await HealthyStation.ConnectAsync(server, Healthy);
        await station.BootAsync();

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var fuzzers = Enumerable.Range(1, Fuzzers).Select(i => RunFuzzerAsync(server, $"FUZZ{i:00}", Seed * 1000 + i, Iterations, cancellationToken)).ToList();
        var healthy = station.RunSessionsAsync(sessions, root.Time.GetUtcNow());
        var results = await Task.WhenAll(fuzzers);
        var transactionIds = await healthy;
        clock.Stop();

        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        GC.WaitForPendingFinalizers();
        TaskScheduler.UnobservedTaskException -= OnUnobserved;

        var run = FuzzRun.Combine(results);
        TestContext.Out.WriteLine($"seed {Seed}, {Fuzzers} fuzzers x {Iterations} frames in {clock.Elapsed.TotalSeconds:F1} s; healthy sessions {transactionIds.Count}");
        TestContext.Out.WriteLine($"sent by kind: {string.Join(", ", run.Sent.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        TestContext.Out.WriteLine($"answers: {string.Join(", ", run.Answers.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        TestContext.Out.WriteLine($"CALLs with a readable id: {run.Expected} sent, {run.Right} answered right ({run.RightExactly} where one answer is right), {run.Violations.Count} violations, {run.UnansweredAtClose} unread when the Central System closed the connection");
        TestContext.Out.WriteLine($"right answers by rule: {string.Join(", ", run.RightByRule.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        TestContext.Out.WriteLine($"closes: {string.Join(", ", run.Closes.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}; ended without a close frame {run.Aborted}; connections {run.Connections}");
        TestContext.Out.WriteLine($"managed heap after a full collection: {memoryBefore / 1024.0 / 1024:F1} MiB before, {memoryAfter / 1024.0 / 1024:F1} MiB after; {allocated / 1024.0 / 1024:F0} MiB allocated during the run; working set {Environment.WorkingSet / 1024.0 / 1024:F0} MiB");

        var store = csms.Services.GetRequiredService<ITransactionStore>();
        var healthyTransactions = store.All(Healthy);
        var problems = logs.Entries.Select(e => $"{e.Level} {e.Category} [{e.EventId}] {e.Message} {e.Exception}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Violations.Take(20), Is.Empty, $"{run.Violations.Count} answers that are malformed, wrong, missing or answer no CALL the fuzzer sent");
            Assert.That(run.Right, Is.EqualTo(run.Expected - run.UnansweredAtClose), "every CALL with a readable id read before a close is answered right");
            Assert.That(run.Closes.Keys, Is.SubsetOf(new[] { WebSocketCloseStatus.ProtocolError, WebSocketCloseStatus.MessageTooBig }));
            Assert.That(run.Closes.Values.Sum(), Is.Positive, "the fuzzers never made the Central System close a connection");
            Assert.That(run.Aborted, Is.Zero, "connections that ended without a close frame");
            Assert.That(run.Answers.Values.Sum(), Is.Positive);
            Assert.That(problems, Is.Empty, "Error or Critical log entries of the Central System");
            Assert.That(unobserved, Is.Empty, "unobserved task exceptions");
            Assert.That(transactionIds, Has.Count.EqualTo(sessions));
            Assert.That(healthyTransactions.Select(t => t.TransactionId), Is.EquivalentTo(transactionIds));
            Assert.That(healthyTransactions.Where(t => t.IsActive || t.StartUnknown || t.DuplicateStops != 0), Is.Empty, "a healthy transaction not stopped exactly once");
            Assert.That(healthyTransactions.Select(t => t.MeterValues.Count), Is.All.EqualTo(HealthyStation.MeterValuesPerSession));
        });
    }

    private static async Task<FuzzRun> RunFuzzerAsync(TestServer server, string id, int seed, int iterations, CancellationToken cancellationToken)
    {
        var fuzzer = new FrameFuzzer(seed, id, MaxFrameBytes);
        var run = new FuzzRun();
        var random = new Random(seed);
        var sent = 0;
        var marker = 0;
        while (sent < iterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var connection = await FuzzConnection.ConnectAsync(server, id);
            run.Connections++;
            // CALLs sent and not answered yet, in the order sent: the Central System answers a connection's CALLs in order.
            var awaiting = new List<(string Kind, FuzzFrame Frame)>();
            var open = true;
            while (open && sent < iterations)
            {
                // A batch without waiting, then a Heartbeat whose answer shows the batch has been read.
                for (var batch = random.Next(1, 16); batch > 0 && sent < iterations && open; batch--)
                {
                    var frame = fuzzer.Next();
                    sent++;
                    FuzzRun.Count(run.Sent, frame.Kind);
                    if (frame.AnswerableId is not null)
                    {
                        awaiting.Add((frame.Kind, frame));
                        run.Expected++;
                    }

                    open = await connection.TrySendAsync(frame.Bytes, frame.Type);
                }

                var markerId = $"{id}-marker-{++marker}";
                var markerBytes = System.Text.Encoding.UTF8.GetBytes($$"""[2,"{{markerId}}","Heartbeat",{}]""");
                var markerFrame = new FuzzFrame("marker", markerBytes, WebSocketMessageType.Text, OcppJFrameOracle.Expect(markerBytes, OcppJFrameOracle.ChargePointActions).Exactly(OcppJFrameOracle.CallResult));
                awaiting.Add(("marker", markerFrame));
                run.Expected++;
                open = open && await connection.TrySendAsync(markerBytes, WebSocketMessageType.Text);
                while (await connection.ReceiveAsync() is { } message)
                {
                    if (Judge(message.Type, message.Bytes, awaiting, run) == markerId)
                    {
                        // Answers come in the order of the CALLs: whatever was sent before the marker and is still unanswered never will be.
                        foreach (var (kind, missed) in awaiting)
                        {
                            run.Violations.Add($"no answer to a {kind} frame, where {string.Join(" or ", missed.Expected.Answers)} is right: {Show(missed.Bytes)}");
                        }

                        awaiting.Clear();
                        break;
                    }
                }

                if (connection.CloseStatus is { } status)
                {
                    FuzzRun.Count(run.Closes, status);
                    open = false;
                }
                else if (connection.Aborted)
                {
                    run.Aborted++;
                    open = false;
                }

                if (!open)
                {
                    // The frames after the one that made the Central System close are never read.
                    run.UnansweredAtClose += awaiting.Count;
                    awaiting.Clear();
                }
            }
        }

        return run;
    }

    /// <summary>Checks one message the fuzzer received against what was sent; returns its id when it is a well-formed answer.</summary>
    private static string? Judge(WebSocketMessageType type, byte[] bytes, List<(string Kind, FuzzFrame Frame)> awaiting, FuzzRun run)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (type != WebSocketMessageType.Text)
        {
            run.Violations.Add($"a {type} message: {text}");
            return null;
        }

        JsonElement frame;
        try
        {
            frame = JsonDocument.Parse(bytes).RootElement;
        }
        catch (JsonException)
        {
            run.Violations.Add($"not JSON: {text}");
            return null;
        }

        var wellFormed = frame.ValueKind == JsonValueKind.Array && frame.GetArrayLength() >= 3
            && frame[0].ValueKind == JsonValueKind.Number && frame[1].ValueKind == JsonValueKind.String
            && frame[0].GetInt32() switch
            {
                3 => frame.GetArrayLength() == 3 && frame[2].ValueKind == JsonValueKind.Object,
                4 => frame.GetArrayLength() == 5 && frame[2].ValueKind == JsonValueKind.String && ErrorCodes.Contains(frame[2].GetString()!)
                    && frame[3].ValueKind == JsonValueKind.String && frame[4].ValueKind == JsonValueKind.Object,
                _ => false,
            };
        if (!wellFormed)
        {
            run.Violations.Add($"not a CALLRESULT or CALLERROR: {text}");
            return null;
        }

        var id = frame[1].GetString()!;
        var answer = frame[0].GetInt32() == 3 ? OcppJFrameOracle.CallResult : frame[2].GetString()!;
        FuzzRun.Count(run.Answers, answer);
        var index = awaiting.FindIndex(a => a.Frame.AnswerableId == id);
        if (index < 0)
        {
            run.Violations.Add($"an answer to no CALL awaiting one on this connection: {text}");
            return id;
        }

        var (kind, sent) = awaiting[index];
        awaiting.RemoveAt(index);
        if (!sent.Expected.Answers.Contains(answer))
        {
            run.Violations.Add($"{answer} to a {kind} frame ({sent.Expected.Reason}), where {string.Join(" or ", sent.Expected.Answers)} is right: {Show(sent.Bytes)} → {text}");
            return id;
        }

        run.Right++;
        run.RightExactly += sent.Expected.Answers.Count == 1 ? 1 : 0;
        FuzzRun.Count(run.RightByRule, sent.Expected.Answers.Count == 1 ? $"{sent.Expected.Reason}: {answer}" : sent.Expected.Reason);
        return id;
    }

    private static string Show(byte[] bytes) =>
        bytes.Length > 200 ? System.Text.Encoding.UTF8.GetString(bytes, 0, 200) + $"… ({bytes.Length} bytes)" : System.Text.Encoding.UTF8.GetString(bytes);

    private sealed class FuzzRun
    {
        public Dictionary<string, int> Sent { get; } = [];

        public Dictionary<string, int> Answers { get; } = [];

        public Dictionary<WebSocketCloseStatus, int> Closes { get; } = [];

        public Dictionary<string, int> RightByRule { get; } = [];

        public List<string> Violations { get; } = [];

        public int Expected { get; set; }

        public int Right { get; set; }

        public int RightExactly { get; set; }

        public int UnansweredAtClose { get; set; }

        public int Connections { get; set; }

        public int Aborted { get; set; }

        public static FuzzRun Combine(IEnumerable<FuzzRun> runs)
        {
            var all = new FuzzRun();
            foreach (var run in runs)
            {
                Merge(all.Sent, run.Sent);
                Merge(all.Answers, run.Answers);
                Merge(all.Closes, run.Closes);
                Merge(all.RightByRule, run.RightByRule);
                all.Violations.AddRange(run.Violations);
                all.Expected += run.Expected;
                all.Right += run.Right;
                all.RightExactly += run.RightExactly;
                all.UnansweredAtClose += run.UnansweredAtClose;
                all.Connections += run.Connections;
                all.Aborted += run.Aborted;
            }

            return all;
        }

        public static void Count<TKey>(Dictionary<TKey, int> counts, TKey key)
            where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

        private static void Merge<TKey>(Dictionary<TKey, int> into, Dictionary<TKey, int> from)
            where TKey : notnull
        {
            foreach (var (key, value) in from)
            {
                into[key] = into.GetValueOrDefault(key) + value;
            }
        }
    }

    /// <summary>A well-behaved station on its own connection: complete sessions, every answer checked.</summary>
    private sealed class HealthyStation : IAsyncDisposable
    {
        public const int MeterValuesPerSession = 3;

        private readonly WebSocket socket;
        private readonly OcppRpcEndpoint endpoint;
        private readonly CancellationTokenSource stop = new();
        private readonly Task<TransportEnd> transport;

        private HealthyStation(string id, WebSocket socket)
        {
            this.socket = socket;
            endpoint = new OcppRpcEndpoint(id, new OcppRouter<object>().Bind(new object()), new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(30), ValidateOutgoing = true });
            transport = WebSocketTransport.RunAsync(socket, endpoint, stop.Token);
        }

        public static async Task<HealthyStation> ConnectAsync(TestServer server, string id)
        {
            var client = server.CreateWebSocketClient();
            client.SubProtocols.Add("ocpp1.6");
            return new HealthyStation(id, await client.ConnectAsync(new Uri(server.BaseAddress, "/ocpp/" + id), CancellationToken.None));
        }

        public async Task BootAsync()
        {
            var boot = await endpoint.CallAsync(Requests.Boot());
            Assert.That(boot.Status, Is.EqualTo(RegistrationStatus.Accepted));
        }

        /// <summary>Runs <paramref name="count"/> sessions on connector 1 and returns their transaction ids.</summary>
        public async Task<List<int>> RunSessionsAsync(int count, DateTimeOffset at)
        {
            var ids = new List<int>();
            for (var session = 0; session < count; session++)
            {
                var authorized = await endpoint.CallAsync(new AuthorizeRequest { IdTag = "VALID001" });
                Assert.That(authorized.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
                await endpoint.CallAsync(Requests.Status(1, ChargePointStatus.Preparing));
                var start = await endpoint.CallAsync(Requests.Start(1, "VALID001", at, meterStart: session * 1000));
                Assert.That(start.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
                await endpoint.CallAsync(Requests.Status(1, ChargePointStatus.Charging));
                for (var i = 1; i <= MeterValuesPerSession; i++)
                {
                    await endpoint.CallAsync(new MeterValuesRequest
                    {
                        ConnectorId = 1,
                        TransactionId = start.TransactionId,
                        MeterValue = [new MeterValue { Timestamp = at, SampledValue = [new SampledValue { Value = (session * 1000 + i * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) }] }],
                    });
                }

                await endpoint.CallAsync(Requests.Stop(start.TransactionId, at, meterStop: session * 1000 + 500, reason: Reason.EVDisconnected));
                await endpoint.CallAsync(Requests.Status(1, ChargePointStatus.Available));
                ids.Add(start.TransactionId);
            }

            return ids;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await transport;
            await endpoint.DisposeAsync();
            socket.Dispose();
            stop.Dispose();
        }
    }
}
