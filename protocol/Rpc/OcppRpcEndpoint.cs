using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Threading.Channels;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Rpc;

/// <summary>
/// One side of an OCPP-J connection, used by both the Central System and the charge point. It reads
/// received frames in staged checks, hands inbound CALLs to a dispatcher one at a time and in order
/// (a handler that completes at once is answered on the receiving thread; one that awaits is finished
/// on the thread pool, and the CALLs behind it wait their turn),
/// correlates CALLRESULT/CALLERROR with the one outstanding outbound CALL (OCPP-J 1.6 §4.1.1: a sender
/// waits for the answer before its next CALL), times calls out, and fails the pending call when the
/// connection ends. It owns no socket: a transport feeds <see cref="Receive"/> and drains <see cref="Outbound"/>.
/// </summary>
public sealed class OcppRpcEndpoint : IAsyncDisposable
{
    private readonly IOcppCallDispatcher dispatcher;
    private readonly OcppRpcOptions options;
    private readonly TimeProvider time;
    private readonly IFrameObserver? observer;
    private readonly Channel<byte[]> outbound;
    private readonly Queue<(Call Call, long ReceivedAt)> waiting = new();
    private readonly SemaphoreSlim callGate = new(1, 1);
    private readonly CancellationTokenSource lifetime = new();
    private readonly TaskCompletionSource<EndpointCloseRequest> closeRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Set once the first Close has finished with the cancellation source, so that DisposeAsync never disposes it under that Close.
    private readonly TaskCompletionSource closeDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock sync = new();

    // Answers whose follow-up waits for the frame to be written, by frame (the very array queued).
    private readonly Dictionary<byte[], (Call Call, Func<OcppRpcEndpoint, CancellationToken, Task> FollowUp)> afterSent = new(ReferenceEqualityComparer.Instance);
    private int followUps;
    private Task draining = Task.CompletedTask;
    private bool dispatching;
    private PendingCall? pending;

    // The CALL from the moment it is sent until it has settled (its answer routes included); pending ends at the answer.
    private PendingCall? outstanding;
    private Exception? closeReason;
    private int consecutiveBadFrames;
    private long badFrames;
    private long unexpectedResponses;

    /// <summary>Creates an endpoint for the connection of <paramref name="identity"/>.</summary>
    public OcppRpcEndpoint(
        string identity,
        IOcppCallDispatcher dispatcher,
        OcppRpcOptions? options = null,
        TimeProvider? timeProvider = null,
        IFrameObserver? observer = null)
    {
        Identity = identity;
        this.dispatcher = dispatcher;
        this.options = options ?? new OcppRpcOptions();
        time = timeProvider ?? TimeProvider.System;
        this.observer = observer;
        outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(this.options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = this.options.SendInline,
        });
        Outbound = new WrittenFrames(this, outbound.Reader);
    }

    /// <summary>The charge point identity of this connection.</summary>
    public string Identity { get; }

    /// <summary>
    /// The frames to send, in order. Exactly one reader (the transport) drains it, one frame at a time: it reads a
    /// frame, writes it to the socket, and only then reads (or waits for) the next. The endpoint takes that next read
    /// as the proof that the previous frame is on the wire, which is when an answer's after-sent follow-up
    /// (<see cref="OcppReply{TResponse}.AfterSent"/>) runs; a transport that stops after a failed write never runs it.
    /// </summary>
    public ChannelReader<byte[]> Outbound { get; }

    /// <summary>Completes when the endpoint wants the transport to close, with the WebSocket close status to use.</summary>
    public Task<EndpointCloseRequest> CloseRequested => closeRequested.Task;

    /// <summary>Whether <see cref="Close"/> has been called.</summary>
    public bool IsClosed => closeReason is not null;

    /// <summary>Frames received that failed the staged checks, since the connection opened.</summary>
    public long BadFrames => Interlocked.Read(ref badFrames);

    /// <summary>CALLRESULT/CALLERROR frames that matched no outstanding CALL.</summary>
    public long UnexpectedResponses => Interlocked.Read(ref unexpectedResponses);

    /// <summary>The options in force.</summary>
    public OcppRpcOptions Options => options;

    /// <summary>The action of our CALL that is sent and has not settled yet (no answer, or its answer routes still run); null when none.</summary>
    public string? OutstandingAction
    {
        get
        {
            lock (sync)
            {
                return outstanding?.Action;
            }
        }
    }

    /// <summary>
    /// Completes when our CALL outstanding now (if any) has settled: answered and its answer routes run, answered with
    /// a CALLERROR, timed out, or cut off by the close. Never faults; completes at once when nothing is outstanding.
    /// A host uses it to act on the answer to a change before it judges what follows (a station that accepts a new
    /// AuthorizationKey and reconnects at once with it).
    /// </summary>
    public Task WhenOutstandingCallSettledAsync(CancellationToken cancellationToken = default)
    {
        PendingCall? call;
        lock (sync)
        {
            call = outstanding;
        }

        return call is null ? Task.CompletedTask : call.Settled.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Takes one received text frame. A CALL goes to the dispatcher at once when no other CALL is being
    /// handled, otherwise it waits its turn; responses complete the pending call; bad frames are answered
    /// with a CALLERROR where a message id could be read, otherwise counted and dropped. Call it from one
    /// thread at a time (the transport's receive loop): a handler that completes at once runs on it.
    /// </summary>
    public void Receive(ReadOnlySpan<byte> utf8Frame)
    {
        if (IsClosed)
        {
            return;
        }

        var receivedAt = time.GetTimestamp();
        if (utf8Frame.Length > options.MaxFrameBytes)
        {
            ReceiveOversize(utf8Frame.Length);
            return;
        }

        if (!FrameReader.TryRead(utf8Frame, out var frame, out var fault))
        {
            OnBadFrame(utf8Frame, fault!);
            return;
        }

        switch (frame)
        {
            case Call call:
                Observe(FrameDirection.In, call.TypeId, call.MessageId, call.Action, utf8Frame, null);
                OnCall(call, receivedAt);
                break;
            case CallResult or CallError:
                OnResponse(frame, utf8Frame);
                break;
        }
    }

    /// <summary>
    /// Takes a frame the transport could not hand over as text (a binary WebSocket message): OCPP-J 1.6
    /// §4.1 carries frames as text only, so it is counted and dropped.
    /// </summary>
    public void ReceiveNonText(ReadOnlySpan<byte> frame)
    {
        if (IsClosed)
        {
            return;
        }

        Interlocked.Increment(ref badFrames);
        Observe(FrameDirection.In, null, null, null, frame, null, new FrameFault(FrameFaultStage.NotJson, OcppErrorCode.FormationViolation, "OCPP-J frames are text messages; a binary message was dropped.", null, null));
        CountBad();
    }

    /// <summary>A frame was larger than <see cref="OcppRpcOptions.MaxFrameBytes"/>: the connection must close (1009).</summary>
    public void ReceiveOversize(long length)
    {
        Interlocked.Increment(ref badFrames);
        RequestClose(1009, $"A frame of {length} bytes or more exceeds the limit of {options.MaxFrameBytes}.");
    }

    /// <summary>
    /// Sends <paramref name="request"/> and waits for its answer. Only one CALL is outstanding at a time;
    /// later callers wait their turn.
    /// </summary>
    /// <exception cref="OcppCallErrorException">The peer answered with a CALLERROR.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within <see cref="OcppRpcOptions.CallTimeout"/>.</exception>
    /// <exception cref="OcppDisconnectedException">The connection is or became closed.</exception>
    /// <exception cref="OcppInvalidResponseException">The answer did not conform to the response schema.</exception>
    /// <exception cref="OcppOutboundSchemaException">Strict outbound is on and <paramref name="request"/> breaks its schema: nothing was sent.</exception>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!OcppActions.TryGet(request.GetType(), out var descriptor))
        {
            throw new ArgumentException($"{request.GetType().Name} is not a catalogued OCPP request.", nameof(request));
        }

        Func<string, byte[]> write;
        var judged = default(JsonElement);
        if (options.ValidateOutgoing)
        {
            // Strict outbound: judged as the peer will judge it, then written from the very element that was judged.
            judged = JsonSerializer.SerializeToElement(request, descriptor.RequestTypeInfo);
            var own = descriptor.RequestSchema.Validate(judged);
            if (own is not null)
            {
                throw new OcppOutboundSchemaException(descriptor.Action, own, response: false);
            }

            write = id => FrameWriter.Call(id, descriptor.Action, judged);
        }
        else
        {
            write = id => FrameWriter.Call(id, descriptor.Action, request, descriptor.RequestTypeInfo);
        }

        TResponse? answer = null;
        SchemaViolation? violation = null;
        var (response, _) = await SendCallAsync(
            descriptor.Action,
            write,
            result =>
            {
                violation = descriptor.ResponseSchema.Validate(result.Payload);
                if (violation is not null)
                {
                    return ValueTask.CompletedTask;
                }

                answer = (TResponse)result.Payload.Deserialize(descriptor.ResponseTypeInfo)!;
                return AnsweredAsync(new OcppAnswer(descriptor.Action, result.MessageId, judged, result.Payload, request, answer));
            },
            cancellationToken);
        if (response is CallError error)
        {
            throw OcppCallErrorException.From(error);
        }

        if (violation is not null)
        {
            throw new OcppInvalidResponseException(descriptor.Action, violation);
        }

        return answer!;
    }

    /// <summary>
    /// Sends any action with any payload, exactly as given, and returns the peer's answer frame without
    /// judging it (the operator API and the conformance lab send deliberately odd values). When the
    /// action is catalogued, the answer is also checked against its response schema, and — with strict outbound
    /// on (<see cref="OcppRpcOptions.ValidateOutgoing"/>) — the request is checked before it is sent.
    /// </summary>
    /// <exception cref="OcppOutboundSchemaException">Strict outbound is on and the catalogued action's payload breaks its schema: nothing was sent.</exception>
    public Task<RawCallOutcome> CallRawAsync(string action, JsonElement payload, CancellationToken cancellationToken = default) =>
        CallRawAsync(action, payload, options.ValidateOutgoing, cancellationToken);

    /// <summary>
    /// Sends any action with any payload, as <see cref="CallRawAsync(string, JsonElement, CancellationToken)"/> does;
    /// <paramref name="validate"/> false sends a catalogued action's payload even when it breaks its schema (a
    /// deliberate bad frame), true checks it even when strict outbound is off.
    /// </summary>
    /// <exception cref="OcppOutboundSchemaException"><paramref name="validate"/> is true and the catalogued action's payload breaks its schema: nothing was sent.</exception>
    public async Task<RawCallOutcome> CallRawAsync(string action, JsonElement payload, bool validate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var catalogued = OcppActions.TryGet(action, out var descriptor);
        if (validate && catalogued && descriptor!.RequestSchema.Validate(payload) is { } own)
        {
            throw new OcppOutboundSchemaException(action, own, response: false);
        }

        SchemaViolation? violation = null;
        var (response, roundTrip) = await SendCallAsync(
            action,
            id => FrameWriter.Call(id, action, payload),
            result =>
            {
                if (!catalogued)
                {
                    return ValueTask.CompletedTask;
                }

                // The answer routes see what the relay sent as well as what a typed call sent.
                violation = descriptor!.ResponseSchema.Validate(result.Payload);
                return violation is null
                    ? AnsweredAsync(new OcppAnswer(action, result.MessageId, payload, result.Payload, null, null))
                    : ValueTask.CompletedTask;
            },
            cancellationToken);
        return new RawCallOutcome(response, violation, roundTrip);
    }

    /// <summary>
    /// Ends the connection's RPC: the pending call fails with <see cref="OcppDisconnectedException"/>, later
    /// calls fail at once, queued inbound calls are dropped, and the send queue completes.
    /// </summary>
    public void Close(Exception? reason = null)
    {
        PendingCall? lost;
        lock (sync)
        {
            if (closeReason is not null)
            {
                return;
            }

            closeReason = reason ?? new OcppDisconnectedException($"The connection of {Identity} is closed.");
            lost = pending;
            pending = null;
        }

        try
        {
            // Ask the transport to close before the send queue completes, so that it sees a requested close, not a dead sender.
            closeRequested.TrySetResult(new EndpointCloseRequest(1000, "closed"));
            lost?.Completion.TrySetException(new OcppDisconnectedException($"The connection of {Identity} closed while {lost.Action} waited for its answer."));
            lock (sync)
            {
                waiting.Clear();
            }

            outbound.Writer.TryComplete();
            lifetime.Cancel();
        }
        finally
        {
            closeDone.TrySetResult();
        }
    }

    /// <summary>
    /// Closes the endpoint (see <see cref="Close"/>) and waits for the inbound CALL being handled, if any, to
    /// finish. Safe to call at any time and more than once, also while calls are in flight, queued or being
    /// answered on other threads: each of them still ends as answered, timed out or disconnected.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // Another thread may be inside Close (a newer connection replacing this one): let it finish first.
        Close();
        await closeDone.Task;
        Task last;
        lock (sync)
        {
            last = draining;
        }

        try
        {
            await last;
        }
        catch (OperationCanceledException)
        {
        }

        // An answer that arrived before the close is still being acted on (its answer routes): once disposed, it has been.
        await WhenOutstandingCallSettledAsync();

        // Neither the call gate nor the lifetime source is disposed: neither holds anything to free (no wait handle is
        // ever taken from the gate, the source has no timer), while a call resuming after this point still releases the
        // gate and reads the token. Disposing them here turned a lost answer into ObjectDisposedException.
    }

    /// <summary>
    /// Sends one CALL when the outstanding one (if any) has ended, waits for its answer and, for a CALLRESULT, lets
    /// <paramref name="answered"/> judge it and run the answer routes before the next CALL may go out.
    /// </summary>
    private async Task<(OcppFrame Response, TimeSpan RoundTrip)> SendCallAsync(string action, Func<string, byte[]> write, Func<CallResult, ValueTask> answered, CancellationToken cancellationToken)
    {
        ThrowIfClosed(action);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        try
        {
            await callGate.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OcppDisconnectedException($"The connection of {Identity} closed before {action} could be sent.");
        }

        PendingCall? call = null;
        try
        {
            var messageId = Guid.NewGuid().ToString("D");
            var frame = write(messageId);
            call = new PendingCall(messageId, action, time.GetTimestamp());
            lock (sync)
            {
                ThrowIfClosed(action);
                pending = call;
                outstanding = call;
            }

            try
            {
                // Observed before it is queued: once it is on the wire the answer may be observed first, and an
                // observer that pairs a CALL with its answer would miss the pair.
                ObserveSent(MessageTypeId.Call, messageId, action, frame, null);
                await outbound.Writer.WriteAsync(frame, linked.Token);
                var response = await call.Completion.Task.WaitAsync(options.CallTimeout, time, cancellationToken);
                var roundTrip = time.GetElapsedTime(call.SentAt);
                if (response is CallResult result)
                {
                    await answered(result);
                }

                return (response, roundTrip);
            }
            catch (TimeoutException)
            {
                throw new OcppCallTimeoutException(action, options.CallTimeout);
            }
            catch (Exception e) when (e is ChannelClosedException || (e is OperationCanceledException && lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
            {
                throw new OcppDisconnectedException($"The connection of {Identity} closed before {action} was answered.");
            }
            finally
            {
                lock (sync)
                {
                    if (ReferenceEquals(pending, call))
                    {
                        pending = null;
                    }
                }
            }
        }
        finally
        {
            if (call is not null)
            {
                lock (sync)
                {
                    if (ReferenceEquals(outstanding, call))
                    {
                        outstanding = null;
                    }
                }

                call.Settled.TrySetResult();
            }

            callGate.Release();
        }
    }

    /// <summary>Runs the dispatcher's answer routes; their failures are theirs to report (the router tells HandlerFailed).</summary>
    private async ValueTask AnsweredAsync(OcppAnswer answer)
    {
        try
        {
            await dispatcher.OnAnswerAsync(answer, CancellationToken.None);
        }
#pragma warning disable CA1031 // A failing answer route must not take the answer from the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void ThrowIfClosed(string action)
    {
        if (closeReason is not null)
        {
            throw new OcppDisconnectedException($"The connection of {Identity} is closed; {action} was not sent.");
        }
    }

    private void OnResponse(OcppFrame frame, ReadOnlySpan<byte> utf8Frame)
    {
        PendingCall? match;
        lock (sync)
        {
            match = pending is not null && pending.MessageId == frame.MessageId ? pending : null;
            if (match is not null)
            {
                pending = null;
            }
        }

        if (match is null)
        {
            // A response to nothing we asked (late after a timeout, or invented): count it and move on.
            Interlocked.Increment(ref unexpectedResponses);
            Observe(FrameDirection.In, frame.TypeId, frame.MessageId, null, utf8Frame, null);
            return;
        }

        Interlocked.Exchange(ref consecutiveBadFrames, 0);
        Observe(FrameDirection.In, frame.TypeId, frame.MessageId, match.Action, utf8Frame, time.GetElapsedTime(match.SentAt));
        match.Completion.TrySetResult(frame);
    }

    private void OnBadFrame(ReadOnlySpan<byte> utf8Frame, FrameFault fault)
    {
        Interlocked.Increment(ref badFrames);
        Observe(FrameDirection.In, fault.TypeId is >= 2 and <= 4 ? (MessageTypeId)fault.TypeId : null, fault.MessageId, null, utf8Frame, null, fault);
        if (fault.WarrantsCallError)
        {
            SendErrorNow(fault.MessageId!, fault.Code, fault.Description);
        }
        else if (fault.MessageId is not null)
        {
            // A malformed answer to our own pending call fails that call rather than leaving it to time out.
            PendingCall? match;
            lock (sync)
            {
                match = pending?.MessageId == fault.MessageId ? pending : null;
                if (match is not null)
                {
                    pending = null;
                }
            }

            match?.Completion.TrySetException(new OcppInvalidResponseException(match.Action, fault));
        }

        CountBad();
    }

    private void CountBad()
    {
        var inARow = Interlocked.Increment(ref consecutiveBadFrames);
        if (options.MaxConsecutiveBadFrames > 0 && inARow >= options.MaxConsecutiveBadFrames)
        {
            RequestClose(1002, $"{inARow} bad frames in a row.");
        }
    }

    private void SendErrorNow(string messageId, OcppErrorCode code, string description)
    {
        var frame = FrameWriter.CallError(messageId, code, description);
        if (outbound.Writer.TryWrite(frame))
        {
            ObserveSent(MessageTypeId.CallError, messageId, null, frame, null);
        }
        else
        {
            // The send queue is full: the peer is not reading what we send. Closing is the only bound.
            RequestClose(1008, "The peer does not read its answers.");
        }
    }

    private void RequestClose(int status, string reason) =>
        closeRequested.TrySetResult(new EndpointCloseRequest(status, reason));

    private void OnCall(Call call, long receivedAt)
    {
        var refuse = false;
        lock (sync)
        {
            if (closeReason is not null)
            {
                return;
            }

            if (!dispatching)
            {
                dispatching = true;
            }
            else if (waiting.Count < options.SendQueueCapacity)
            {
                waiting.Enqueue((call, receivedAt));
                return;
            }
            else
            {
                refuse = true;
            }
        }

        if (refuse)
        {
            // The peer keeps calling without waiting for answers (OCPP-J §4.1.1); do not queue without bound.
            SendErrorNow(call.MessageId, OcppErrorCode.GenericError, "Too many calls are waiting for an answer.");
            return;
        }

        var handling = Start(call);
        if (!handling.IsCompletedSuccessfully)
        {
            Drain(call, receivedAt, handling, counted: false);
            return;
        }

        // The usual case: the handler answered at once, so the answer is queued (and, with SendInline, written) on this thread.
        var outcome = Checked(call, handling.Result);
        CountOutcome(outcome);
        AwaitWritten(call, outcome);
        if (!outbound.Writer.TryWrite(outcome.Frame))
        {
            Drain(call, receivedAt, ValueTask.FromResult(outcome), counted: true);
            return;
        }

        ObserveAnswer(call, receivedAt, outcome);
        lock (sync)
        {
            if (waiting.Count == 0 || closeReason is not null)
            {
                dispatching = false;
                return;
            }
        }

        // CALLs arrived while this one was handled (Receive called from more than one thread): take them in order.
        Drain(null, 0, default, counted: false);
    }

    private ValueTask<InboundCallOutcome> Start(Call call)
    {
        try
        {
            return dispatcher.DispatchAsync(call, lifetime.Token);
        }
#pragma warning disable CA1031 // Judged in OutcomeAsync: cancellation on close, anything else InternalError.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ValueTask.FromException<InboundCallOutcome>(e);
        }
    }

    private void Drain(Call? call, long receivedAt, ValueTask<InboundCallOutcome> handling, bool counted)
    {
        var task = DrainAsync(call, receivedAt, handling, counted);
        if (!task.IsCompleted)
        {
            lock (sync)
            {
                draining = task;
            }
        }
    }

    /// <summary>
    /// Finishes a CALL whose handler awaits (or whose answer waits for room in the send queue), then
    /// handles the CALLs that arrived meanwhile, one at a time and in order, until none is left.
    /// </summary>
    private async Task DrainAsync(Call? call, long receivedAt, ValueTask<InboundCallOutcome> handling, bool counted)
    {
        try
        {
            while (true)
            {
                if (call is not null)
                {
                    var answer = await OutcomeAsync(call, handling);
                    if (answer is null)
                    {
                        return;
                    }

                    var outcome = Checked(call, answer.Value);

                    if (!counted)
                    {
                        CountOutcome(outcome);
                        AwaitWritten(call, outcome);
                    }

                    await outbound.Writer.WriteAsync(outcome.Frame, lifetime.Token);
                    ObserveAnswer(call, receivedAt, outcome);
                }

                lock (sync)
                {
                    if (closeReason is not null || !waiting.TryDequeue(out var next))
                    {
                        dispatching = false;
                        return;
                    }

                    (call, receivedAt) = next;
                }

                counted = false;
                handling = Start(call);
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
        }
    }

    /// <summary>The handler's outcome; a failure becomes InternalError; null when the endpoint closed meanwhile.</summary>
    private async ValueTask<InboundCallOutcome?> OutcomeAsync(Call call, ValueTask<InboundCallOutcome> handling)
    {
        try
        {
            return await handling;
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // A dispatcher failure is the peer's InternalError, never a dead connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new InboundCallOutcome(FrameWriter.CallError(call.MessageId, OcppErrorCode.InternalError, e.GetType().Name), OcppErrorCode.InternalError);
        }
    }

    /// <summary>
    /// Strict outbound for answers: a CALLRESULT that breaks the action's response schema is never written; the peer
    /// gets an InternalError CALLERROR and the dispatcher hears why (a handler bug, logged by the host).
    /// </summary>
    private InboundCallOutcome Checked(Call call, InboundCallOutcome outcome)
    {
        if (!options.ValidateOutgoing || outcome.Error is not null || !OcppActions.TryGet(call.Action, out var descriptor))
        {
            return outcome;
        }

        SchemaViolation? violation;
        try
        {
            using var frame = JsonDocument.Parse(outcome.Frame);
            violation = frame.RootElement.GetArrayLength() == 3
                ? descriptor.ResponseSchema.Validate(frame.RootElement[2])
                : new SchemaViolation(OcppErrorCode.FormationViolation, "$", "the answer is not a CALLRESULT of three elements");
        }
        catch (JsonException e)
        {
            violation = new SchemaViolation(OcppErrorCode.FormationViolation, "$", e.Message);
        }

        if (violation is null)
        {
            return outcome;
        }

        var refused = new OcppOutboundSchemaException(call.Action, violation, response: true);
        try
        {
            dispatcher.ReportFailure(call, refused);
        }
#pragma warning disable CA1031 // A failing report must not keep the peer from its answer.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return new InboundCallOutcome(
            FrameWriter.CallError(call.MessageId, OcppErrorCode.InternalError, $"Our own {call.Action} response would violate its schema: {violation}"),
            OcppErrorCode.InternalError);
    }

    /// <summary>Keeps the answer's follow-up until its frame is written; registered before the frame is queued, since the transport may write it at once.</summary>
    private void AwaitWritten(Call call, InboundCallOutcome outcome)
    {
        if (outcome.AfterSent is { } followUp && outcome.Error is null)
        {
            lock (sync)
            {
                afterSent[outcome.Frame] = (call, followUp);
                followUps++;
            }
        }
    }

    /// <summary>The transport came back for the next frame, so <paramref name="frame"/> is on the wire: run its follow-up, if any.</summary>
    internal void OnWritten(byte[] frame)
    {
        if (Volatile.Read(ref followUps) == 0)
        {
            return;
        }

        (Call Call, Func<OcppRpcEndpoint, CancellationToken, Task> FollowUp) entry;
        lock (sync)
        {
            if (!afterSent.Remove(frame, out entry))
            {
                return;
            }

            followUps--;
        }

        // Off the transport's send path: the follow-up may make a CALL of its own, which waits for this very loop.
        _ = Task.Run(() => FollowUpAsync(entry.Call, entry.FollowUp), CancellationToken.None);
    }

    private async Task FollowUpAsync(Call call, Func<OcppRpcEndpoint, CancellationToken, Task> followUp)
    {
        try
        {
            await followUp(this, lifetime.Token);
        }
#pragma warning disable CA1031 // The answer is out; a failed follow-up is the dispatcher's to report.
        catch (Exception e)
#pragma warning restore CA1031
        {
            try
            {
                dispatcher.ReportFailure(call, e);
            }
#pragma warning disable CA1031 // Nothing is left to tell.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private void CountOutcome(InboundCallOutcome outcome)
    {
        if (outcome.Error is OcppErrorCode.FormationViolation or OcppErrorCode.TypeConstraintViolation
            or OcppErrorCode.PropertyConstraintViolation or OcppErrorCode.OccurenceConstraintViolation
            or OcppErrorCode.NotImplemented)
        {
            CountBad();
        }
        else
        {
            Interlocked.Exchange(ref consecutiveBadFrames, 0);
        }
    }

    private void ObserveAnswer(Call call, long receivedAt, InboundCallOutcome outcome) =>
        ObserveSent(outcome.Error is null ? MessageTypeId.CallResult : MessageTypeId.CallError, call.MessageId, call.Action, outcome.Frame, time.GetElapsedTime(receivedAt));

    /// <summary>Tells the observer of a received frame: its bytes are copied, since the transport reuses its buffer.</summary>
    private void Observe(FrameDirection direction, MessageTypeId? typeId, string? messageId, string? action, ReadOnlySpan<byte> frame, TimeSpan? roundTrip, FrameFault? fault = null)
    {
        if (observer is not null)
        {
            observer.OnFrame(new FrameEvent(Identity, direction, typeId, messageId, action, frame.ToArray(), time.GetUtcNow(), roundTrip, fault));
        }
    }

    /// <summary>Tells the observer of a frame we send: the array is the one queued for the socket and never changes, so it is shared, not copied.</summary>
    private void ObserveSent(MessageTypeId typeId, string messageId, string? action, byte[] frame, TimeSpan? roundTrip)
    {
        if (observer is not null)
        {
            observer.OnFrame(new FrameEvent(Identity, FrameDirection.Out, typeId, messageId, action, frame, time.GetUtcNow(), roundTrip));
        }
    }

    private sealed class PendingCall(string messageId, string action, long sentAt)
    {
        public string MessageId { get; } = messageId;

        public string Action { get; } = action;

        public long SentAt { get; } = sentAt;

        public TaskCompletionSource<OcppFrame> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the call has ended: answered and its answer routes run, failed, timed out or cut off.</summary>
        public TaskCompletionSource Settled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// The endpoint's send queue as its transport sees it: each read first tells the endpoint that the frame handed out
/// before has been written (the transport only reads again after writing), so that after-sent follow-ups run then.
/// </summary>
file sealed class WrittenFrames(OcppRpcEndpoint endpoint, ChannelReader<byte[]> inner) : ChannelReader<byte[]>
{
    private byte[]? handedOut;

    public override Task Completion => inner.Completion;

    public override bool CanCount => inner.CanCount;

    public override int Count => inner.Count;

    public override bool CanPeek => inner.CanPeek;

    public override bool TryPeek([MaybeNullWhen(false)] out byte[] item) => inner.TryPeek(out item);

    public override bool TryRead([MaybeNullWhen(false)] out byte[] item)
    {
        Previous();
        if (inner.TryRead(out item))
        {
            handedOut = item;
            return true;
        }

        return false;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        Previous();
        return inner.WaitToReadAsync(cancellationToken);
    }

    public override ValueTask<byte[]> ReadAsync(CancellationToken cancellationToken = default)
    {
        Previous();
        return inner.TryRead(out var item) ? new ValueTask<byte[]>(handedOut = item) : ReadLaterAsync(cancellationToken);
    }

    private async ValueTask<byte[]> ReadLaterAsync(CancellationToken cancellationToken) => handedOut = await inner.ReadAsync(cancellationToken);

    private void Previous()
    {
        if (handedOut is { } frame)
        {
            handedOut = null;
            endpoint.OnWritten(frame);
        }
    }
}

/// <summary>The answer to a raw CALL, with its schema verdict and round-trip time.</summary>
/// <param name="Response">The CALLRESULT or CALLERROR frame.</param>
/// <param name="Violation">The response schema violation, for a catalogued action's CALLRESULT that breaks it.</param>
/// <param name="RoundTrip">Time from sending the CALL to receiving the answer.</param>
public sealed record RawCallOutcome(OcppFrame Response, SchemaViolation? Violation, TimeSpan RoundTrip);

/// <summary>The endpoint asks its transport to close the connection.</summary>
/// <param name="Status">The WebSocket close status (1000 normal, 1002 protocol error, 1008 policy, 1009 too big).</param>
/// <param name="Reason">Why.</param>
public sealed record EndpointCloseRequest(int Status, string Reason);
