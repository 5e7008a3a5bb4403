using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint;

/// <summary>
/// The driving API: what a driver, an EV, an electrician or the network does to the charge point, each
/// with its OCPP consequences (the "manual actions" of the OCTT test cases). Each call runs on the scheduler.
/// </summary>
public sealed partial class VirtualChargePoint
{
    /// <summary>Switches the charge point on: it connects and sends BootNotification (OCPP 1.6 §4.2).</summary>
    public void PowerOn() => scheduler.Run(power.PowerOn);

    /// <summary>Plugs the cable in at both sides; starts the transaction if an IdTag is already authorized.</summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="lockFails">The cable goes in only halfway, so the connector lock fails when a transaction would start (OCTT TC_024).</param>
    public void PlugIn(int connectorId, bool lockFails = false)
    {
        var state = Outlet(connectorId);
        scheduler.Run(() => localActions.PlugIn(state, lockFails));
    }

    /// <summary>
    /// The driver presents an IdTag at a connector: starts a transaction, stops the one running (same tag, or a
    /// tag of the same group), or withdraws an earlier authorization. Returns the authorization outcome.
    /// </summary>
    public Task<AuthorizationStatus> PresentIdTagAsync(int connectorId, string idTag, CancellationToken cancellationToken = default)
    {
        var state = Outlet(connectorId);
        return scheduler.InvokeAsync(() => localActions.PresentIdTagAsync(state, idTag, cancellationToken));
    }

    /// <summary>
    /// The cable is pulled out at the EV side (OCPP 1.6 §9.1.23, §9.1.24): with StopTransactionOnEVSideDisconnect
    /// the transaction stops with reason EVDisconnected, otherwise it goes SuspendedEV and continues.
    /// </summary>
    public void UnplugEvSide(int connectorId)
    {
        var state = Outlet(connectorId);
        scheduler.Run(() => localActions.UnplugEvSide(state));
    }

    /// <summary>The cable is taken out completely: the connector becomes free.</summary>
    public void Unplug(int connectorId)
    {
        var state = Outlet(connectorId);
        scheduler.Run(() => localActions.Unplug(state));
    }

    /// <summary>The EV stops drawing energy although it is offered (SuspendedEV), or resumes.</summary>
    public void SetEvSuspended(int connectorId, bool suspended)
    {
        var state = Outlet(connectorId);
        scheduler.Run(() => localActions.SetEvSuspended(state, suspended));
    }

    /// <summary>Sets the current per phase the EV would draw if allowed.</summary>
    public void SetEvDemand(int connectorId, decimal amperesPerPhase)
    {
        var state = Outlet(connectorId);
        scheduler.Run(() => localActions.SetEvDemand(state, amperesPerPhase));
    }

    /// <summary>Puts a connector, or the whole charge point with connector 0, into a fault (OCTT TC_041, SetChargePointFaulted).</summary>
    public void Fault(int connectorId, ChargePointErrorCode errorCode = ChargePointErrorCode.OtherError, string? info = null)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        scheduler.Run(() => localActions.SetFault(state, errorCode, info));
    }

    /// <summary>Clears a fault.</summary>
    public void ClearFault(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        scheduler.Run(() => localActions.SetFault(state, null, null));
    }

    /// <summary>
    /// The power goes. With backup power (template) transactions stop with reason PowerLoss first (OCTT TC_032_1);
    /// without, they are kept and ended with PowerLoss when the power returns (TC_032_2).
    /// </summary>
    public Task CutPowerAsync(CancellationToken cancellationToken = default) =>
        scheduler.InvokeAsync(async () =>
        {
            await power.CutAsync(cancellationToken);
            return true;
        });

    /// <summary>The power returns: the charge point boots.</summary>
    public void RestorePower() => PowerOn();

    /// <summary>The network goes down: the connection drops and no reconnection succeeds until <see cref="RestoreNetwork"/>.</summary>
    public void DropNetwork() => scheduler.Run(connection.DropNetwork);

    /// <summary>The network is back: the charge point reconnects at once and delivers what it queued.</summary>
    public void RestoreNetwork() => scheduler.Run(connection.RestoreNetwork);
}
