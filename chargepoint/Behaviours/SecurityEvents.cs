using System.Reactive.Subjects;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The security log and the security events pushed to the Central System (Security Whitepaper §5): critical
/// events while a security profile is in use, and those a use case requires. A notification that cannot go
/// out now waits for the next accepted connection.
/// </summary>
internal sealed class SecurityEvents(ChargePointContext context, CancellationToken lifetime) : IDisposable
{
    private readonly List<SecurityLogEntry> unsent = [];
    private readonly Subject<SecurityLogEntry> logged = new();
    private Reason? rebootReason;

    /// <summary>Every security event, also those not pushed to the Central System.</summary>
    public SecurityLog Entries { get; } = new();

    /// <summary>Every security event as it is logged: what a console shows.</summary>
    public IObservable<SecurityLogEntry> Logged => logged;

    public int SecurityProfile => context.Configuration.GetInt(Keys.SecurityProfile);

    /// <summary>Logs an event, and pushes it with SecurityEventNotification when critical on a security profile, or when <paramref name="notify"/>.</summary>
    public void Log(string type, string? techInfo = null, bool notify = false)
    {
        var entry = new SecurityLogEntry(context.Now, type, techInfo is { Length: > 255 } ? techInfo[..255] : techInfo);
        Entries.Add(entry);
        logged.OnNext(entry);
        if (notify || (SecurityEventType.IsCritical(type) && SecurityProfile >= 1))
        {
            _ = NotifyAsync(entry);
        }
    }

    /// <summary>Clearing the log is itself a security event (§5 SecurityLogWasCleared).</summary>
    public void Clear()
    {
        Entries.Clear();
        Log(SecurityEventType.SecurityLogWasCleared);
    }

    /// <summary>Remembers why the charge point reboots, for the ResetOrReboot event after the boot.</summary>
    public void NoteReboot(Reason reason) => rebootReason = reason;

    /// <summary>After a BootNotification: ResetOrReboot with the reason noted, or StartupOfTheDevice.</summary>
    public void OnBooted()
    {
        var reason = rebootReason;
        rebootReason = null;
        if (reason is { } why)
        {
            Log(SecurityEventType.ResetOrReboot, why.ToString());
        }
        else
        {
            Log(SecurityEventType.StartupOfTheDevice);
        }
    }

    /// <summary>The Central System accepted the charge point: the events that waited go out.</summary>
    public void SendWaiting()
    {
        List<SecurityLogEntry> waiting = [.. unsent];
        unsent.Clear();
        foreach (var entry in waiting)
        {
            _ = NotifyAsync(entry);
        }
    }

    public void Dispose() => logged.OnCompleted();

    private async Task NotifyAsync(SecurityLogEntry entry)
    {
        try
        {
            await context.Messages.Send(new SecurityEventNotificationRequest { Type = entry.Type, Timestamp = entry.Timestamp, TechInfo = entry.TechInfo });
        }
        catch (Exception e) when (e is OcppDisconnectedException or OcppCallTimeoutException && !lifetime.IsCancellationRequested)
        {
            // Lost with the connection (not refused by the Central System): send again once accepted.
            if (context.Messages.IsOnline)
            {
                _ = NotifyAsync(entry);
            }
            else
            {
                unsent.Add(entry);
            }
        }
#pragma warning disable CA1031 // Refused by the Central System: logged, not sent again.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
