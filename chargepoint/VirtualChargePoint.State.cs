using OcppLab.ChargePoint.Authorization;
using OcppLab.ChargePoint.SmartCharging;
using OcppLab.ChargePoint.Transactions;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint;

/// <summary>What the charge point shows of itself: connection, status, transactions, meters, profiles and transfers.</summary>
public sealed partial class VirtualChargePoint
{
    /// <summary>Whether a connection to the Central System is open.</summary>
    public bool IsConnected => connection.IsConnected;

    /// <summary>The registration status from the last BootNotification.conf; null before the first answer.</summary>
    public RegistrationStatus? Registration => registration.Status;

    /// <summary>True when a connection opens, false when it is lost or closed.</summary>
    public IObservable<bool> Connectivity => connection.Connectivity;

    /// <summary>Transaction messages waiting to be delivered (e.g. while offline).</summary>
    public int QueuedTransactionMessages => queue.QueuedTransactionMessages;

    /// <summary>Every StatusNotification the charge point decided to send, by connector.</summary>
    public IObservable<(int ConnectorId, StatusReport Report)> StatusReports => status.Reports;

    /// <summary>The Central System's requests a driver acts on (a remote start to plug in for, a remote stop or unlock to unplug after).</summary>
    public IObservable<RemoteCommand> RemoteCommands => remoteControl.Commands;

    /// <summary>When true, the next UnlockConnector fails (OCTT TC_030).</summary>
    public bool FailNextUnlock
    {
        get => remoteControl.FailNextUnlock;
        set => remoteControl.FailNextUnlock = value;
    }

    /// <summary>The authorization cache.</summary>
    public AuthorizationCache AuthorizationCache => authorization.Cache;

    /// <summary>The local authorization list.</summary>
    public LocalAuthorizationList LocalList => authorization.LocalList;

    /// <summary>The installed charging profiles.</summary>
    public ChargingProfileStore ChargingProfiles => chargingSchedules.Profiles;

    /// <summary>Decides whether a downloaded image installs; by default any non-empty file does (OCTT TC_044_3 uses an invalid one).</summary>
    public Func<byte[], bool> FirmwareInstaller
    {
        get => files.Installer;
        set => files.Installer = value;
    }

    /// <summary>The firmware status last reported.</summary>
    public FirmwareStatus FirmwareStatus => firmware.FirmwareStatus;

    /// <summary>The diagnostics status last reported.</summary>
    public DiagnosticsStatus DiagnosticsStatus => firmware.DiagnosticsStatus;

    /// <summary>The status of a connector as the charge point sees it now (0 = the charge point).</summary>
    public ChargePointStatus StatusOf(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => status.Derive(state).Status);
    }

    /// <summary>The reservation held on a connector, if any.</summary>
    public Reservation? ReservationOn(int connectorId) => reservations.On(connectorId);

    /// <summary>The transaction on a connector, if any.</summary>
    public Transaction? TransactionOn(int connectorId) => ConnectorAt(connectorId)?.Transaction;

    /// <summary>The energy register of a connector in Wh.</summary>
    public double EnergyRegisterWh(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => state.Meter.RegisterWh(Now));
    }

    /// <summary>The power drawn on a connector in W.</summary>
    public double PowerW(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => state.Meter.PowerW);
    }

    /// <summary>The composite schedule of a connector from now on.</summary>
    public ChargingSchedule CompositeSchedule(int connectorId, int durationSeconds, ChargingRateUnitType unit = ChargingRateUnitType.A)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => chargingSchedules.CompositeSchedule(state, durationSeconds, unit));
    }
}
