using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint;

/// <summary>
/// Reset and power: a reboot ends transactions with the right reason, closes the connection and boots
/// again. Configuration, availability, the local list, the cache, charging profiles and queued transaction
/// messages survive it (OCTT TC_013, TC_015, TC_034).
/// </summary>
public sealed partial class VirtualChargePoint
{
    private TaskCompletionSource? drained;

    /// <summary>Stops transactions with <paramref name="reason"/>, lets their StopTransaction go out while online, then reboots.</summary>
    private async Task RebootAsync(Reason reason)
    {
        ChargePointLog.Rebooting(logger, Id, reason);
        NoteRebootForSecurityLog(reason);
        StopAllTransactions(reason);
        await MessagesDrainedAsync();
        PowerOff();
        PowerOnNow();
    }

    /// <summary>
    /// Completes when every queued message has been delivered (e.g. StopTransaction and the Finishing status
    /// before a reset, or the firmware statuses before the reboot that installs), or at once when offline:
    /// transaction messages then wait for the next boot.
    /// </summary>
    private Task MessagesDrainedAsync()
    {
        if (!IsOnline || queue.Count == 0)
        {
            return Task.CompletedTask;
        }

        drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return drained.Task;
    }

    private void SignalDrainedIfDone()
    {
        TaskCompletionSource? done = null;
        if (drained is not null && (!IsOnline || queue.Count == 0))
        {
            done = drained;
            drained = null;
        }

        done?.TrySetResult();
    }

    /// <summary>Everything stops as when the power goes: connection, timers, reservations, pending authorizations.</summary>
    private void PowerOff()
    {
        poweredOn = false;
        registration = null;
        foreach (var state in connectors)
        {
            state.ConnectionTimeout?.Dispose();
            state.ConnectionTimeout = null;
            state.PendingAuthorization = null;
            state.Reservation?.Expiry?.Dispose();
            state.Reservation = null;
            state.Transaction?.Sampling?.Dispose();
            state.Reported = null;
            state.Meter.SetCurrent(Now, 0);
        }

        heartbeat.Disposable = null;
        clockAligned.Disposable = null;
        bootRetry.Disposable = null;
        connectTimer.Disposable = null;
        Disconnect();
        SignalDrainedIfDone();
    }

    /// <summary>Runs once the Central System accepted the BootNotification: clock-aligned data, firmware report.</summary>
    private void AfterBoot()
    {
        StartClockAligned();
        OnFirmwareBooted();
        SignalDrainedIfDone();
    }
}
