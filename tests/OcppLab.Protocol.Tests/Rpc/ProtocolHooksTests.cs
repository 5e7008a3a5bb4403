using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// The two explicit hooks both ends use instead of watching frames: the after-sent follow-up of an inbound CALL, and
/// the typed answer routes for the answers to our own CALLs.
/// </summary>
[TestFixture]
public sealed class ProtocolHooksTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task A_follow_up_runs_only_once_the_transport_has_written_the_answer()
    {
        var followedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = new OcppRouter<string>().MapReply<ResetRequest, ResetResponse>((_, _, _) =>
            ValueTask.FromResult(new OcppReply<ResetResponse>(new ResetResponse { Status = ResetStatus.Accepted }, (_, _) =>
            {
                followedUp.TrySetResult();
                return Task.CompletedTask;
            })));
        await using var endpoint = new OcppRpcEndpoint("CP-1", router.Bind("CP-1"), timeProvider: time);
        var peer = new RawPeer(endpoint);

        peer.Send("""[2,"r-1","Reset",{"type":"Hard"}]""");
        var queuedOnly = followedUp.Task.IsCompleted;
        var answer = await peer.NextFrameAsync();
        var handedToTheSocketOnly = followedUp.Task.IsCompleted;
        _ = endpoint.Outbound.TryRead(out _);
        await followedUp.Task.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Text, Is.EqualTo("""[3,"r-1",{"status":"Accepted"}]"""));
            Assert.That(queuedOnly, Is.False, "not while the answer waits in the send queue");
            Assert.That(handedToTheSocketOnly, Is.False, "not while the transport is still writing it");
        }
    }

    [Test]
    public async Task A_follow_up_can_call_the_peer_which_sees_it_after_the_answer()
    {
        var seen = new List<string>();
        var booted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var centralSystem = new OcppRpcEndpoint(
            "CS",
            new OcppRouter<string>().Map<BootNotificationRequest, BootNotificationResponse>((_, _, _) =>
            {
                lock (seen)
                {
                    seen.Add("BootNotification");
                }

                booted.TrySetResult();
                return ValueTask.FromResult(new BootNotificationResponse { CurrentTime = time.GetUtcNow(), Interval = 300, Status = RegistrationStatus.Accepted });
            }).Bind("CP-1"),
            timeProvider: time);
        var chargePoint = new OcppRpcEndpoint(
            "CP-1",
            new OcppRouter<string>().MapReply<ResetRequest, ResetResponse>((_, _, _) =>
                ValueTask.FromResult(new OcppReply<ResetResponse>(
                    new ResetResponse { Status = ResetStatus.Accepted },
                    (endpoint, cancellationToken) => endpoint.CallAsync(new BootNotificationRequest { ChargePointVendor = "VendorX", ChargePointModel = "Model-1" }, cancellationToken)))).Bind("CS"),
            timeProvider: time);
        await using var link = new EndpointLink(centralSystem, chargePoint);

        var reset = await centralSystem.CallAsync(new ResetRequest { Type = ResetType.Soft }).Guarded();
        lock (seen)
        {
            seen.Add("Reset answered");
        }

        await booted.Task.Guarded();

        Assert.That(reset.Status, Is.EqualTo(ResetStatus.Accepted));
        Assert.That(seen, Does.Contain("BootNotification"));
    }

    [Test]
    public async Task A_follow_up_never_runs_when_strict_outbound_replaced_the_answer()
    {
        var followedUp = false;
        var router = new OcppRouter<string>().MapReply<ResetRequest, ResetResponse>((_, _, _) =>
            ValueTask.FromResult(new OcppReply<ResetResponse>(new ResetResponse { Status = (ResetStatus)9 }, (_, _) =>
            {
                followedUp = true;
                return Task.CompletedTask;
            })));
        await using var endpoint = new OcppRpcEndpoint("CP-1", router.Bind("CP-1"), timeProvider: time);
        var peer = new RawPeer(endpoint);

        peer.Send("""[2,"r-1","Reset",{"type":"Hard"}]""");
        var answer = await peer.NextFrameAsync();
        peer.Send("""[2,"h-1","Reset",{"type":"Hard"}]""");
        await peer.NextFrameAsync();
        _ = endpoint.Outbound.TryRead(out _);

        Assert.That(answer.ErrorCode, Is.EqualTo("InternalError"));
        Assert.That(followedUp, Is.False);
    }

    [Test]
    public async Task An_answer_route_sees_the_typed_request_and_response_of_a_typed_call_and_of_a_raw_call()
    {
        var answers = new List<(ChangeConfigurationRequest Request, ChangeConfigurationResponse Response)>();
        var router = new OcppRouter<string>().MapAnswer<ChangeConfigurationRequest, ChangeConfigurationResponse>((_, request, response, _) =>
        {
            answers.Add((request, response));
            return ValueTask.CompletedTask;
        });
        await using var endpoint = new OcppRpcEndpoint("CS", router.Bind("CP-1"), timeProvider: time);
        var peer = new RawPeer(endpoint);

        var typed = endpoint.CallAsync(new ChangeConfigurationRequest { Key = "AuthorizationKey", Value = "0011223344556677" });
        peer.Answer(await peer.NextFrameAsync(), """{"status":"Accepted"}""");
        await typed.Guarded();
        var seenByTheTypedCaller = answers.Count;
        var raw = endpoint.CallRawAsync("ChangeConfiguration", Json("""{"key":"SecurityProfile","value":"2"}"""));
        peer.Answer(await peer.NextFrameAsync(), """{"status":"Rejected"}""");
        await raw.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seenByTheTypedCaller, Is.EqualTo(1), "the route ran before the caller saw the answer");
            Assert.That(answers.Select(a => (a.Request.Key, a.Request.Value, a.Response.Status)), Is.EqualTo(new[]
            {
                ("AuthorizationKey", "0011223344556677", ConfigurationStatus.Accepted),
                ("SecurityProfile", "2", ConfigurationStatus.Rejected),
            }));
        }
    }

    [Test]
    public async Task No_answer_route_runs_for_a_CALLERROR_or_a_schema_breaking_answer_and_a_failing_route_is_reported()
    {
        var routed = 0;
        var failures = new List<Exception>();
        var router = new OcppRouter<string> { HandlerFailed = (_, _, e) => failures.Add(e) }
            .MapAnswer<ClearCacheRequest, ClearCacheResponse>((_, _, _, _) =>
            {
                routed++;
                throw new InvalidOperationException("route bug");
            });
        await using var endpoint = new OcppRpcEndpoint("CS", router.Bind("CP-1"), timeProvider: time);
        var peer = new RawPeer(endpoint);

        var refused = endpoint.CallRawAsync("ClearCache", Json("{}"));
        var first = await peer.NextFrameAsync();
        peer.Send($$"""[4,"{{first.MessageId}}","NotSupported","no",{}]""");
        await refused.Guarded();
        var broken = endpoint.CallRawAsync("ClearCache", Json("{}"));
        peer.Answer(await peer.NextFrameAsync(), """{"status":"Maybe"}""");
        await broken.Guarded();
        var good = endpoint.CallAsync(new ClearCacheRequest());
        peer.Answer(await peer.NextFrameAsync(), """{"status":"Accepted"}""");
        var answer = await good.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(routed, Is.EqualTo(1));
            Assert.That(answer.Status, Is.EqualTo(ClearCacheStatus.Accepted), "the caller still gets the answer");
            Assert.That(failures.Select(f => f.Message), Is.EqualTo(new[] { "route bug" }));
        }
    }

    [Test]
    public async Task Disposing_waits_until_an_answer_that_arrived_has_been_through_its_routes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorded = false;
        var router = new OcppRouter<string>().MapAnswer<ClearCacheRequest, ClearCacheResponse>(async (_, _, _, _) =>
        {
            await release.Task;
            recorded = true;
        });
        var endpoint = new OcppRpcEndpoint("CS", router.Bind("CP-1"), timeProvider: time);
        var peer = new RawPeer(endpoint);

        var call = endpoint.CallAsync(new ClearCacheRequest());
        peer.Answer(await peer.NextFrameAsync(), """{"status":"Accepted"}""");
        var outstanding = endpoint.OutstandingAction;
        var disposing = endpoint.DisposeAsync().AsTask();
        var disposedBeforeTheRoute = disposing.IsCompleted;
        release.SetResult();
        await disposing.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outstanding, Is.EqualTo("ClearCache"));
            Assert.That(disposedBeforeTheRoute, Is.False);
            Assert.That(recorded, Is.True);
            Assert.That((await call.Guarded()).Status, Is.EqualTo(ClearCacheStatus.Accepted));
            Assert.That(endpoint.OutstandingAction, Is.Null);
        }
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
