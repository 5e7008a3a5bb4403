using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// Power and Reset (OCPP 1.6 §4.2, §5.14): a reboot ends transactions with the right reason, lets their
/// StopTransaction go out, closes the connection and boots again. Configuration, availability, the local
/// list, the cache, charging profiles and queued transaction messages survive it (OCTT TC_013, TC_015, TC_034).
/// </summary>
internal sealed class PowerCycle(
    ChargePointContext context,
    Connection connection,
    TransactionControl transactions,
    PowerAndMeterValues metering,
    SecurityEvents security)
{
    /// <summary>Switches the charge point on: it connects and sends BootNotification.</summary>
    public void PowerOn()
    {
        if (connection.IsPoweredOn)
        {
            return;
        }

        // Without backup power the transactions were interrupted: end them now (OCTT TC_032_2, second outcome).
        foreach (var state in context.Outlets.Where(c => c.Transaction is not null).ToList())
        {
            transactions.Stop(state, Reason.PowerLoss, null);
        }

        connection.PowerOn();
    }

    /// <summary>Everything stops as when the power goes: connection, timers, reservations, pending authorizations.</summary>
    public void PowerOff()
    {
        foreach (var state in context.Connectors)
        {
            state.ConnectionTimeout?.Dispose();
            state.ConnectionTimeout = null;
            state.PendingAuthorization = null;
            state.Reservation?.Expiry?.Dispose();
            state.Reservation = null;
            state.Transaction?.Sampling?.Dispose();
            state.Reported = null;
            state.Meter.SetCurrent(context.Now, 0);
        }

        metering.StopClockAligned();
        connection.PowerOff();
    }

    /// <summary>
    /// The power goes. With backup power (template) transactions stop with reason PowerLoss first (OCTT TC_032_1);
    /// without, they are kept and ended with PowerLoss when the power returns (TC_032_2).
    /// </summary>
    public async Task CutAsync(CancellationToken cancellationToken)
    {
        if (context.Template.BackupPower)
        {
            transactions.StopAll(Reason.PowerLoss);
            await context.Messages.DrainedAsync().WaitAsync(cancellationToken);
        }

        PowerOff();
    }

    public ResetResponse OnReset(ResetRequest request)
    {
        context.AfterResponse(() => _ = RebootAsync(request.Type == ResetType.Hard ? Reason.HardReset : Reason.SoftReset));
        return new() { Status = ResetStatus.Accepted };
    }

    /// <summary>Stops transactions with <paramref name="reason"/>, lets their StopTransaction go out while online, then reboots.</summary>
    public async Task RebootAsync(Reason reason)
    {
        ChargePointLog.Rebooting(context.Logger, context.Id, reason);
        security.NoteReboot(reason);
        transactions.StopAll(reason);
        await context.Messages.DrainedAsync();
        PowerOff();
        PowerOn();
    }
}
