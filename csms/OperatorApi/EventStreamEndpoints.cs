using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OcppLab.Csms.Observability;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.OperatorApi;

/// <summary><c>/api/events</c>: every frame in and out of every station, live, as Server-Sent Events.</summary>
public static class EventStreamEndpoints
{
    /// <summary>Maps the stream.</summary>
    public static RouteGroupBuilder MapEventStream(this RouteGroupBuilder api)
    {
        api.MapGet("/events", Stream)
            .WithTags("Events")
            .WithSummary("Server-Sent Events (event type 'frame') of every frame in and out; ?chargePointId= filters one station, ?recent=true replays the last frames first.")
            .Produces<FrameView>(contentType: "text/event-stream");
        return api;
    }

    private static ServerSentEventsResult<FrameView> Stream(FrameEventHub hub, string? chargePointId, bool? recent, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Frames(hub, chargePointId, recent ?? false, cancellationToken));

    private static async IAsyncEnumerable<SseItem<FrameView>> Frames(FrameEventHub hub, string? chargePointId, bool recent, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before replaying, so no frame falls between the two.
        using var subscription = hub.Subscribe();
        var replayed = recent ? hub.Recent : [];
        foreach (var frame in replayed.Where(f => Wanted(f, chargePointId)))
        {
            yield return new SseItem<FrameView>(FrameView.From(frame), "frame");
        }

        var last = replayed.Count > 0 ? replayed[^1] : null;
        await foreach (var frame in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            if (last is not null && frame.Timestamp <= last.Timestamp && replayed.Contains(frame))
            {
                continue;
            }

            if (Wanted(frame, chargePointId))
            {
                yield return new SseItem<FrameView>(FrameView.From(frame), "frame");
            }
        }
    }

    private static bool Wanted(FrameEvent frame, string? chargePointId) =>
        chargePointId is null || string.Equals(frame.Identity, chargePointId, StringComparison.Ordinal);
}

/// <summary>One frame on the event stream.</summary>
/// <param name="ChargePointId">The station.</param>
/// <param name="Direction">In (from the station) or Out (to it).</param>
/// <param name="Type">CALL, CALLRESULT or CALLERROR (null for an unreadable frame).</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Action">The action (for an answer, the action of its CALL).</param>
/// <param name="Timestamp">When it crossed the wire.</param>
/// <param name="RoundTripMs">For an answer: milliseconds since its CALL.</param>
/// <param name="Payload">The payload (CALL, CALLRESULT) or error details (CALLERROR), when the frame is JSON.</param>
/// <param name="Frame">The frame text as it crossed the wire.</param>
/// <param name="Fault">Why an unreadable frame failed, if it did.</param>
public sealed record FrameView(
    string ChargePointId,
    FrameDirection Direction,
    MessageTypeId? Type,
    string? MessageId,
    string? Action,
    DateTimeOffset Timestamp,
    double? RoundTripMs,
    JsonElement? Payload,
    string Frame,
    string? Fault)
{
    /// <summary>Projects a hub event.</summary>
    public static FrameView From(FrameEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = System.Text.Encoding.UTF8.GetString(e.Frame.Span);
        JsonElement? payload = null;
        if (e.TypeId is { } type)
        {
            try
            {
                using var document = JsonDocument.Parse(e.Frame);
                var index = type switch { MessageTypeId.Call => 3, MessageTypeId.CallResult => 2, _ => 4 };
                if (document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > index)
                {
                    payload = document.RootElement[index].Clone();
                }
            }
            catch (JsonException)
            {
            }
        }

        return new FrameView(e.Identity, e.Direction, e.TypeId, e.MessageId, e.Action, e.Timestamp, e.RoundTrip?.TotalMilliseconds, payload, text, e.Fault?.ToString());
    }
}
