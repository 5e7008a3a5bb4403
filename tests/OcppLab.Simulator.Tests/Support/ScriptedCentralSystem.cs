using System.Collections.Concurrent;
using OcppLab.Protocol;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Tests.Support;

/// <summary>A received request and when it arrived.</summary>
internal sealed record Received(string Action, IOcppRequest Request, DateTimeOffset At);

/// <summary>
/// A small Central System for behaviour tests: answers the charge point's requests from a script,
/// records them in order, and calls the charge point over the current connection.
/// </summary>
internal sealed class ScriptedCentralSystem(TimeProvider clock)
{
    private static readonly OcppRouter<ScriptedCentralSystem> Router = new OcppRouter<ScriptedCentralSystem> { ValidateOutgoing = true }
        .Map<BootNotificationRequest, BootNotificationResponse>((cs, r, _) => new(cs.Record(r, cs.NextBoot())))
        .Map<HeartbeatRequest, HeartbeatResponse>((cs, r, _) => new(cs.Record(r, new HeartbeatResponse { CurrentTime = cs.time.GetUtcNow() })))
        .Map<StatusNotificationRequest, StatusNotificationResponse>((cs, r, _) => new(cs.Record(r, new StatusNotificationResponse())))
        .Map<AuthorizeRequest, AuthorizeResponse>((cs, r, _) => new(cs.Record(r, new AuthorizeResponse { IdTagInfo = cs.InfoFor(r.IdTag) })))
        .Map<StartTransactionRequest, StartTransactionResponse>((cs, r, _) => new(cs.Record(r, new StartTransactionResponse
        {
            IdTagInfo = cs.InfoFor(r.IdTag),
            TransactionId = Interlocked.Increment(ref cs.lastTransactionId),
        })))
        .Map<StopTransactionRequest, StopTransactionResponse>((cs, r, _) => new(cs.Record(r, new StopTransactionResponse())))
        .Map<MeterValuesRequest, MeterValuesResponse>((cs, r, _) => new(cs.Record(r, new MeterValuesResponse())))
        .Map<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>((cs, r, _) => new(cs.Record(r, new FirmwareStatusNotificationResponse())))
        .Map<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>((cs, r, _) => new(cs.Record(r, new DiagnosticsStatusNotificationResponse())));

    private readonly TimeProvider time = clock;
    private readonly ConcurrentQueue<Received> received = new();
    private readonly ConcurrentDictionary<string, OcppRpcEndpoint> endpoints = new(StringComparer.Ordinal);
    private readonly Queue<(RegistrationStatus Status, int Interval)> boots = new();
    private int lastTransactionId = 100;

    public OcppRpcEndpoint? Endpoint { get; private set; }

    /// <summary>IdTags and the answer they get; unknown tags are Accepted.</summary>
    public Dictionary<string, IdTagInfo> IdTags { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Actions answered with a CALLERROR instead.</summary>
    public HashSet<string> Failing { get; } = [];

    public int HeartbeatInterval { get; set; } = 300;

    public IReadOnlyList<Received> Received => [.. received];

    public IEnumerable<T> All<T>()
        where T : IOcppRequest => Received.Select(r => r.Request).OfType<T>();

    public IEnumerable<string> Actions => Received.Select(r => r.Action);

    public void Clear() => received.Clear();

    /// <summary>The next BootNotification answers get these statuses, then Accepted.</summary>
    public void AnswerBoots(params (RegistrationStatus Status, int Interval)[] answers)
    {
        foreach (var answer in answers)
        {
            boots.Enqueue(answer);
        }
    }

    public OcppRpcEndpoint Connect(string chargePointId)
    {
        Endpoint = new OcppRpcEndpoint(chargePointId, Router.Bind(this), new OcppRpcOptions { ValidateOutgoing = true }, time);
        endpoints[chargePointId] = Endpoint;
        return Endpoint;
    }

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse =>
        (Endpoint ?? throw new InvalidOperationException("Not connected.")).CallAsync(request);

    /// <summary>Calls charge point <paramref name="chargePointId"/> on its latest connection.</summary>
    public Task<TResponse> CallAsync<TResponse>(string chargePointId, IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse =>
        (endpoints.TryGetValue(chargePointId, out var endpoint) ? endpoint : throw new InvalidOperationException($"{chargePointId} never connected.")).CallAsync(request);

    private BootNotificationResponse NextBoot()
    {
        var (status, interval) = boots.Count > 0 ? boots.Dequeue() : (RegistrationStatus.Accepted, HeartbeatInterval);
        return new BootNotificationResponse { CurrentTime = time.GetUtcNow(), Interval = interval, Status = status };
    }

    private IdTagInfo InfoFor(string idTag) => IdTags.GetValueOrDefault(idTag) ?? new IdTagInfo { Status = AuthorizationStatus.Accepted };

    private TResponse Record<TRequest, TResponse>(TRequest request, TResponse response)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        if (Failing.Contains(TRequest.Action))
        {
            received.Enqueue(new Received(TRequest.Action, request, time.GetUtcNow()));
            throw new OcppCallErrorException(OcppErrorCode.InternalError, "scripted failure");
        }

        received.Enqueue(new Received(TRequest.Action, request, time.GetUtcNow()));
        return response;
    }
}
