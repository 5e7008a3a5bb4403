using System.Collections.Concurrent;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>
/// A Central System for the security tests: accepts the boot, acknowledges the charge point's requests
/// (including the security extension's), records them in order and calls the charge point.
/// </summary>
internal sealed class SecurityCentralSystem(TimeProvider clock)
{
    private static readonly OcppRouter<SecurityCentralSystem> Router = new OcppRouter<SecurityCentralSystem> { ValidateOutgoing = true }
        .Map<BootNotificationRequest, BootNotificationResponse>((cs, r, _) => new(cs.Record(r, new BootNotificationResponse { CurrentTime = cs.clock.GetUtcNow(), Interval = 300, Status = RegistrationStatus.Accepted })))
        .Map<HeartbeatRequest, HeartbeatResponse>((cs, r, _) => new(cs.Record(r, new HeartbeatResponse { CurrentTime = cs.clock.GetUtcNow() })))
        .Map<StatusNotificationRequest, StatusNotificationResponse>((cs, r, _) => new(cs.Record(r, new StatusNotificationResponse())))
        .Map<MeterValuesRequest, MeterValuesResponse>((cs, r, _) => new(cs.Record(r, new MeterValuesResponse())))
        .Map<SecurityEventNotificationRequest, SecurityEventNotificationResponse>((cs, r, _) => new(cs.Record(r, new SecurityEventNotificationResponse())))
        .Map<SignCertificateRequest, SignCertificateResponse>((cs, r, _) => new(cs.Record(r, new SignCertificateResponse { Status = GenericStatus.Accepted })))
        .Map<LogStatusNotificationRequest, LogStatusNotificationResponse>((cs, r, _) => new(cs.Record(r, new LogStatusNotificationResponse())))
        .Map<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse>((cs, r, _) => new(cs.Record(r, new SignedFirmwareStatusNotificationResponse())));

    private readonly TimeProvider clock = clock;
    private readonly ConcurrentQueue<IOcppRequest> received = new();

    public OcppRpcEndpoint? Endpoint { get; private set; }

    public IReadOnlyList<IOcppRequest> Received => [.. received];

    public IEnumerable<T> All<T>()
        where T : IOcppRequest => Received.OfType<T>();

    public IEnumerable<string> SecurityEvents => All<SecurityEventNotificationRequest>().Select(e => e.Type);

    public void Clear() => received.Clear();

    public OcppRpcEndpoint Connect(string chargePointId)
    {
        Endpoint = new OcppRpcEndpoint(chargePointId, Router.Bind(this), new OcppRpcOptions { ValidateOutgoing = true }, clock);
        return Endpoint;
    }

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse =>
        (Endpoint ?? throw new InvalidOperationException("Not connected.")).CallAsync(request);

    private TResponse Record<TRequest, TResponse>(TRequest request, TResponse response)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        received.Enqueue(request);
        return response;
    }
}
