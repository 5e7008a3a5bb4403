using System.Collections.Concurrent;
using System.Text.Json;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// A firmware campaign's figures: the UpdateFirmwares the fleet asked the Central System to send, those it could not,
/// and the FirmwareStatusNotifications the charge points sent, by status (OCPP 1.6 §4.5).
/// </summary>
public sealed class FirmwareCounts
{
    private readonly ConcurrentDictionary<string, long> statuses = new(StringComparer.Ordinal);
    private long requested;
    private long notSent;
    private long cutShort;

    /// <summary>UpdateFirmwares asked of the Central System.</summary>
    public long Requested => Interlocked.Read(ref requested);

    /// <summary>Those the Central System could not send, or that got no answer.</summary>
    public long NotSent => Interlocked.Read(ref notSent);

    /// <summary>
    /// Charge points of a campaign that the end of the run left without an answer: not asked yet, or asked and the
    /// Central System's answer not in when the run stopped the campaign.
    /// </summary>
    public long CutShort => Interlocked.Read(ref cutShort);

    /// <summary>FirmwareStatusNotifications sent, by status.</summary>
    public IReadOnlyDictionary<string, long> Statuses => statuses.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>Counts an UpdateFirmware asked of the Central System, and whether it went out.</summary>
    public void Asked(bool sent)
    {
        Interlocked.Increment(ref requested);
        if (!sent)
        {
            Interlocked.Increment(ref notSent);
        }
    }

    /// <summary>Counts a charge point of a campaign that the end of the run cut short.</summary>
    public void WasCutShort() => Interlocked.Increment(ref cutShort);

    /// <summary>Counts the status of a FirmwareStatusNotification CALL frame: [2, "id", "FirmwareStatusNotification", {"status": "..."}].</summary>
    public void OnStatusNotification(ReadOnlySpan<byte> frame)
    {
        var status = StatusOf(frame) ?? "?";
        statuses.AddOrUpdate(status, 1, static (_, n) => n + 1);
    }

    private static string? StatusOf(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("status"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
