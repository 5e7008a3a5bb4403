using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OcppLab.Conformance.Support.Lab;
using OcppLab.Protocol;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// The lab playing the charge point, as OCTT's simulated charge point does in the CSMS test cases: a real
/// WebSocket to the target with an <see cref="OcppRpcEndpoint"/>. It logs every frame with its time to the
/// scenario, times every CALL it sends, answers the CSMS's CALLs from the scenario's script, and can put
/// raw frames on the wire.
/// </summary>
public sealed partial class LabChargePoint(
    ScenarioContext scenario,
    LabSettings settings,
    CsmsTarget target,
    Measurements measurements,
    ScriptedAnswers answers,
    LabCertificates certificates) : IAsyncDisposable, IFrameObserver, IOcppCallDispatcher
{
    public const string Ocpp16 = "ocpp1.6";

    private readonly Lock gate = new();
    private readonly List<Call> received = [];
    private readonly HashSet<Call> consumed = [];
    private readonly List<(Call Call, JsonObject Answer)> answered = [];
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly List<CallExchange> exchanges = [];
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Connection? connection;
    private string? id;
    private int? provisionedProfile;

    /// <summary>
    /// The identity: the configured one, or (embedded target) one per scenario and Examples row, so that no
    /// scenario and no row depends on what another left on its station. The line tells the scenarios and rows
    /// of one feature apart.
    /// </summary>
    public string Id => id ??= settings.ChargePointIdPerScenario && scenario.TestCaseId is { } tc
        ? string.Create(CultureInfo.InvariantCulture, $"{settings.ChargePointId}-{NonIdentifier().Replace(tc, "")}-L{scenario.Scenario.Line}")
        : settings.ChargePointId;

    public bool IsConnected => connection is { Endpoint.IsClosed: false };

    /// <summary>The subprotocol the CSMS agreed to in the last accepted upgrade.</summary>
    public string? AgreedSubprotocol { get; private set; }

    /// <summary>The last upgrade attempt.</summary>
    public ConnectionAttempt? LastAttempt { get; private set; }

    /// <summary>The last CALL this charge point sent and the CSMS's answer.</summary>
    public CallExchange? LastExchange { get; private set; }

    /// <summary>The last exchange of <paramref name="action"/>, whatever was sent after it.</summary>
    public CallExchange LastExchangeOf(string action) =>
        exchanges.LastOrDefault(e => e.Action == action) ?? throw new InvalidOperationException($"The charge point has not sent {action} in this scenario.");

    /// <summary>The transaction id the CSMS handed out for the running (or last) transaction.</summary>
    public int? TransactionId { get; set; }

    /// <summary>Values a scenario remembers between steps (a reservation id, a profile id, certificate hash data).</summary>
    public Dictionary<string, JsonNode?> Remembered { get; } = new(StringComparer.Ordinal);

    public CsmsTarget Target => target;

    /// <summary>
    /// The security profile the charge point connects with by default (Security Whitepaper ed. 3 §2): the one the
    /// target declares as current, as OCTT connects every case, or 0 when the target declares none.
    /// </summary>
    public int SecurityProfile { get; set; } = settings.ConnectionSecurityProfile;

    /// <summary>Its Basic password (Security Profiles 1 and 2).</summary>
    public string Password { get; set; } = settings.BasicAuthPassword;

    /// <summary>Its client certificate with the private key (Security Profile 3).</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>HTTP Basic credentials: the user name is the charge point identity (TC_085_CS).</summary>
    public AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Id}:{password}")));

    /// <summary>Opens the WebSocket at <see cref="SecurityProfile"/>: Basic over ws (1), Basic over TLS (2), a client certificate over TLS (3).</summary>
    public async Task<ConnectionAttempt> TryConnectAtProfileAsync(int profile, AuthenticationHeaderValue? authorization = null)
    {
        if (profile < 2)
        {
            return await TryConnectAsync(authorization: authorization ?? (profile == 1 ? Basic(Password) : null));
        }

        using var timeout = new CancellationTokenSource(settings.CallTimeout);
        await target.PrepareTlsAsync(timeout.Token);
        var tls = target.TlsBaseUri
            ?? throw new AssertionException("The target declares a TLS security profile but offers no wss:// endpoint (OCPPLAB_CSMS_TLS_URL): Security Profiles 2 and 3 cannot be reached.");
        if (profile == 3)
        {
            return await TryConnectAsync(
                authorization: authorization,
                tlsBaseUri: tls,
                clientCertificate: ClientCertificate ?? throw new AssertionException("A client certificate signed by the CSMS's CA is needed for Security Profile 3; the lab has none for this target."));
        }

        return await TryConnectAsync(authorization: authorization ?? Basic(Password), tlsBaseUri: tls);
    }

    /// <summary>Opens the charge point's WebSocket; a refusal is returned, not thrown.</summary>
    public async Task<ConnectionAttempt> TryConnectAsync(IReadOnlyList<string>? subprotocols = null, AuthenticationHeaderValue? authorization = null, Uri? tlsBaseUri = null, X509Certificate2? clientCertificate = null)
    {
        await DisconnectAsync();
        subprotocols ??= [Ocpp16];
        scenario.Log($"upgrade {Id} offering [{string.Join(", ", subprotocols)}]{(authorization is null ? "" : " with " + authorization.Scheme + " credentials")}{(tlsBaseUri is null ? "" : " at " + tlsBaseUri)}{(clientCertificate is null ? "" : " presenting " + clientCertificate.Subject)}");
        using var timeout = new CancellationTokenSource(settings.CallTimeout);
        var attempt = tlsBaseUri is null
            ? await target.ConnectAsync(Id, subprotocols, authorization, timeout.Token)
            : await RemoteCsmsTarget.ConnectAsync(new Uri(tlsBaseUri, Uri.EscapeDataString(Id)), subprotocols, authorization, timeout.Token, clientCertificate, target.ServerCertificateValidation);
        LastAttempt = attempt;
        if (attempt.Socket is not { } socket)
        {
            scenario.Log($"upgrade refused ({attempt.RefusedWithStatus?.ToString(CultureInfo.InvariantCulture) ?? "no HTTP status"}): {attempt.Error}");
            return attempt;
        }

        AgreedSubprotocol = socket.SubProtocol;
        scenario.Log($"upgrade accepted, subprotocol '{socket.SubProtocol}'");
        var endpoint = new OcppRpcEndpoint(Id, this, new OcppRpcOptions { CallTimeout = settings.CallTimeout }, TimeProvider.System, this);
        connection = new Connection(socket, endpoint, this);
        return attempt;
    }

    /// <summary>
    /// Puts the charge point on <paramref name="profile"/>: the target gets the profile and the configured password
    /// (OCTT's tester sets them up in the CSMS beforehand, octt16-csms.md §2.1; nothing for a target configured by
    /// hand), and profile 3 gets a client certificate (the configured one, else one from the target's CA).
    /// </summary>
    public async Task UseSecurityProfileAsync(int profile)
    {
        SecurityProfile = profile;
        Password = settings.BasicAuthPassword;
        if (provisionedProfile != profile)
        {
            using var timeout = new CancellationTokenSource(settings.OperatorTimeout);
            await target.ProvisionSecurityAsync(Id, profile, settings.BasicAuthPassword, timeout.Token);
            provisionedProfile = profile;
        }

        if (profile == 3 && ClientCertificate is null)
        {
            ClientCertificate = settings.LoadClientCertificate() ?? target.IssueClientCertificate(Id, certificates.ChargePointKey);
        }
    }

    /// <summary>Opens the WebSocket at <see cref="SecurityProfile"/> offering ocpp1.6; the CSMS must accept it.</summary>
    public async Task ConnectAsync(AuthenticationHeaderValue? authorization = null)
    {
        if (authorization is null && SecurityProfile > 0 && provisionedProfile != SecurityProfile)
        {
            await UseSecurityProfileAsync(SecurityProfile);
        }

        var attempt = authorization is null && SecurityProfile > 0
            ? await TryConnectAtProfileAsync(SecurityProfile)
            : await TryConnectAsync(authorization: authorization);
        if (!attempt.Accepted)
        {
            Assert.Fail($"The CSMS refused the WebSocket upgrade of {Id} (HTTP {attempt.RefusedWithStatus?.ToString(CultureInfo.InvariantCulture) ?? "?"}): {attempt.Error}");
        }
    }

    /// <summary>Closes the connection, as a charge point does when it reboots or loses power.</summary>
    public async Task DisconnectAsync()
    {
        if (connection is { } open)
        {
            connection = null;
            scenario.Log("connection closed by the charge point");
            await open.DisposeAsync();
        }
    }

    /// <summary>
    /// Sends a CALL and waits for the answer. Every CSMS answer must be a CALLRESULT that conforms to the
    /// action's 1.6 schema (OCTT checks every message against the schemas, octt16-csms.md §2.1).
    /// </summary>
    public async Task<CallExchange> CallAsync(string action, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var open = connection ?? throw new AssertionException($"{action} cannot be sent: {Id} is not connected.");
        var element = JsonSerializer.SerializeToElement(payload);
        if (OcppActions.TryGet(action, out var descriptor) && descriptor.RequestSchema.Validate(element) is { } own)
        {
            // The lab must never be the one breaking the schema.
            throw new InvalidOperationException($"The lab built a {action} request that breaks its schema: {own}");
        }

        RawCallOutcome outcome;
        try
        {
            outcome = await open.Endpoint.CallRawAsync(action, element);
        }
        catch (OcppCallTimeoutException)
        {
            measurements.Record(action, settings.CallTimeout, answered: false);
            throw new AssertionException($"The CSMS did not answer {action} within the OCPP response timeout of {settings.CallTimeoutSeconds:0.#} s.");
        }
        catch (OcppDisconnectedException e)
        {
            throw new AssertionException($"The connection closed while {action} waited for its answer: {e.Message}");
        }

        measurements.Record(action, outcome.RoundTrip, outcome.Response is CallResult);
        var exchange = new CallExchange(action, payload, outcome.Response, outcome.RoundTrip);
        LastExchange = exchange;
        exchanges.Add(exchange);
        switch (outcome.Response)
        {
            case CallError error:
                throw new AssertionException($"The CSMS answered {action} with CALLERROR {error.WireCode}: {error.Description}");
            case CallResult when outcome.Violation is { } violation:
                throw new AssertionException($"The CSMS's {action} answer breaks the 1.6 schema ({violation.Code.ToWire()}): {violation}");
        }

        return exchange;
    }

    /// <summary>Waits for the next CALL of <paramref name="action"/> the CSMS sends that no step has looked at yet.</summary>
    public async Task<Call> ExpectCallAsync(string action, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? settings.MessageTimeout);
        while (true)
        {
            Task signal;
            lock (gate)
            {
                var call = received.FirstOrDefault(c => c.Action == action && !consumed.Contains(c));
                if (call is not null)
                {
                    consumed.Add(call);
                    return call;
                }

                signal = arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await Wait(signal, left))
            {
                string seen;
                lock (gate)
                {
                    seen = received.Count == 0 ? "nothing" : string.Join(", ", received.Select(c => c.Action));
                }

                throw new AssertionException($"The CSMS did not send {action} within {(within ?? settings.MessageTimeout).TotalSeconds:0.#} s (it sent: {seen}).");
            }
        }
    }

    /// <summary>The CALLs the CSMS sent so far.</summary>
    public IReadOnlyList<Call> ReceivedCalls
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    /// <summary>The CALLs the CSMS sent so far, each with the answer the charge point gave.</summary>
    public IReadOnlyList<(Call Call, JsonObject Answer)> AnsweredCalls
    {
        get
        {
            lock (gate)
            {
                return [.. answered];
            }
        }
    }

    /// <summary>The CALLs the charge point sent and the CSMS answered with a CALLRESULT, in order.</summary>
    public IReadOnlyList<CallExchange> Exchanges => [.. exchanges];

    /// <summary>Puts a frame on the wire exactly as given.</summary>
    public async Task SendRawAsync(string frame)
    {
        var open = connection ?? throw new AssertionException($"A raw frame cannot be sent: {Id} is not connected.");
        scenario.Log($"CP → CSMS (raw) {frame}");
        await open.SendAsync(Encoding.UTF8.GetBytes(frame));
    }

    async ValueTask<InboundCallOutcome> IOcppCallDispatcher.DispatchAsync(Call call, CancellationToken cancellationToken)
    {
        var answer = answers.AnswerTo(call.Action);
        lock (gate)
        {
            received.Add(call);
            answered.Add((call, (JsonObject)answer.DeepClone()));
            arrived.TrySetResult();
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await Task.CompletedTask;
        return new InboundCallOutcome(FrameWriter.CallResult(call.MessageId, JsonSerializer.SerializeToElement(answer)), null);
    }

    void IFrameObserver.OnFrame(FrameEvent frame)
    {
        var arrow = frame.Direction == FrameDirection.Out ? "CP → CSMS" : "CSMS → CP";
        var timing = frame.RoundTrip is { } rt ? string.Create(CultureInfo.InvariantCulture, $" ({rt.TotalMilliseconds:0.0} ms)") : "";
        var fault = frame.Fault is { } f ? $" [bad frame: {f.Description}]" : "";
        scenario.Log($"{arrow} {Encoding.UTF8.GetString(frame.Frame.Span)}{timing}{fault}");
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        sendGate.Dispose();
        ClientCertificate?.Dispose();
    }

    private static async Task<bool> Wait(Task signal, TimeSpan timeout)
    {
        try
        {
            await signal.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Log(string line) => scenario.Log(line);

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonIdentifier();

    /// <summary>One open WebSocket: a receive loop feeding the endpoint and a send loop draining it.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly WebSocket socket;
        private readonly LabChargePoint owner;
        private readonly CancellationTokenSource stop = new();
        private readonly Task receiving;
        private readonly Task sending;

        public Connection(WebSocket socket, OcppRpcEndpoint endpoint, LabChargePoint owner)
        {
            this.socket = socket;
            this.owner = owner;
            Endpoint = endpoint;
            receiving = Task.Run(ReceiveAsync);
            sending = Task.Run(SendLoopAsync);
        }

        public OcppRpcEndpoint Endpoint { get; }

        public async Task SendAsync(byte[] frame)
        {
            await owner.sendGate.WaitAsync(stop.Token);
            try
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }
            finally
            {
                owner.sendGate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            // A graceful close: the answers the charge point already queued (an Accepted ChangeConfiguration
            // just before it goes offline, TC_073) reach the Central System before the close frame.
            for (var i = 0; i < 100 && socket.State == WebSocketState.Open && (Endpoint.Outbound.Count > 0 || owner.sendGate.CurrentCount == 0); i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10));
            }

            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "charge point closes", timeout.Token);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
            {
            }

            Endpoint.Close();
            await stop.CancelAsync();
            await Quietly(receiving);
            await Quietly(sending);
            await Endpoint.DisposeAsync();
            socket.Dispose();
            stop.Dispose();
        }

        private async Task ReceiveAsync()
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    owner.Log($"connection closed by the CSMS ({socket.CloseStatus?.ToString() ?? "no status"} {socket.CloseStatusDescription})");
                    Endpoint.Close();
                    return;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    Endpoint.Receive(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                }
            }
        }

        private async Task SendLoopAsync()
        {
            await foreach (var frame in Endpoint.Outbound.ReadAllAsync(stop.Token))
            {
                await SendAsync(frame);
            }
        }

        private static async Task Quietly(Task task)
        {
            try
            {
                await task;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
            {
            }
        }
    }
}

/// <summary>A CALL the lab sent and the CSMS's answer.</summary>
public sealed record CallExchange(string Action, JsonObject Request, OcppFrame Response, TimeSpan RoundTrip)
{
    /// <summary>The CALLRESULT payload.</summary>
    public JsonElement Payload => ((CallResult)Response).Payload;
}
