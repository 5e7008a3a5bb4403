using System.Globalization;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// The OCPP 1.6 Security Whitepaper (edition 3) on the charge point: the security profile and the Basic-auth
/// password with what changing them does (§2.3, §2.4), the security log and the security events pushed to the
/// Central System (§5), and what the transport presents at the next connection.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly List<SecurityLogEntry> unsentSecurityEvents = [];
    private readonly System.Reactive.Subjects.Subject<SecurityLogEntry> securityEvents = new();

    private Reason? rebootReason;

    /// <summary>The installed root certificates and the charge point certificate (§3.2, §3.4).</summary>
    public CertificateStore Certificates { get; } = new();

    /// <summary>Every security event, also those not pushed to the Central System (§5).</summary>
    public SecurityLog SecurityLog { get; } = new();

    /// <summary>Every security event as it is logged (§5), also those not pushed to the Central System: what a console shows.</summary>
    public IObservable<SecurityLogEntry> SecurityEvents => securityEvents;

    /// <summary>The key type of the next key pair (§3.2: RSA ≥ 2048 or EC ≥ 224 bits).</summary>
    public ChargePointKeyType KeyType { get; init; } = ChargePointKeyType.EcdsaP256;

    /// <summary>The SecurityProfile configuration key: 0 (none) to 3 (TLS with client certificate).</summary>
    public int SecurityProfile => Configuration.GetInt(Keys.SecurityProfile);

    /// <summary>What the next connection presents; pass it to <see cref="SecureWebSocketFactory.Client"/>.</summary>
    public TransportSecurity ConnectionSecurity => new(
        SecurityProfile,
        Id,
        BasicAuthPassword,
        Certificates.Roots(CertificateUse.CentralSystemRootCertificate),
        Certificates.ChargePointCertificate,
        problem => scheduler.Post(() => LogSecurityEvent(SecurityEventType.InvalidCentralSystemCertificate, problem, notify: true)))
    {
        ClientCertificateIntermediates = Certificates.ChargePointIntermediates,
    };

    /// <summary>The HTTP Basic authentication password: the AuthorizationKey, or null when none is set.</summary>
    public string? BasicAuthPassword => Configuration.Get(Keys.AuthorizationKey) is { Length: > 0 } key ? key : null;

    /// <summary>Clears the security log, which is itself a security event (§5 SecurityLogWasCleared).</summary>
    public void ClearSecurityLog() => scheduler.Run(ClearSecurityLogNow);

    private void ClearSecurityLogNow()
    {
        SecurityLog.Clear();
        LogSecurityEvent(SecurityEventType.SecurityLogWasCleared);
    }

    /// <summary>
    /// Logs a security event and pushes it with SecurityEventNotification when it is critical and a security
    /// profile is in use, or when <paramref name="notify"/> says a use case requires it (§5). A notification
    /// that cannot go out now waits for the next accepted connection.
    /// </summary>
    public void RaiseSecurityEvent(string type, string? techInfo = null, bool notify = false) =>
        scheduler.Run(() => LogSecurityEvent(type, techInfo, notify));

    private void LogSecurityEvent(string type, string? techInfo = null, bool notify = false)
    {
        var entry = new SecurityLogEntry(Now, type, techInfo is { Length: > 255 } ? techInfo[..255] : techInfo);
        SecurityLog.Add(entry);
        securityEvents.OnNext(entry);
        if (notify || (SecurityEventType.IsCritical(type) && SecurityProfile >= 1))
        {
            NotifySecurityEvent(entry);
        }
    }

    private void NotifySecurityEvent(SecurityLogEntry entry)
    {
        _ = NotifySecurityEventAsync(entry);
    }

    private async Task NotifySecurityEventAsync(SecurityLogEntry entry)
    {
        try
        {
            await Send(new SecurityEventNotificationRequest { Type = entry.Type, Timestamp = entry.Timestamp, TechInfo = entry.TechInfo });
        }
        catch (Exception e) when (e is OcppDisconnectedException or OcppCallTimeoutException && !lifetime.IsCancellationRequested)
        {
            // Lost with the connection (not refused by the Central System): send again once accepted.
            if (IsOnline)
            {
                NotifySecurityEvent(entry);
            }
            else
            {
                unsentSecurityEvents.Add(entry);
            }
        }
#pragma warning disable CA1031 // Refused by the Central System: logged, not sent again.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>ChangeConfiguration of SecurityProfile or AuthorizationKey; null for any other key.</summary>
    private ConfigurationStatus? OnSecurityConfigurationChange(ChangeConfigurationRequest request)
    {
        if (string.Equals(request.Key, Keys.SecurityProfile, StringComparison.OrdinalIgnoreCase))
        {
            return ChangeSecurityProfile(request.Value);
        }

        if (!string.Equals(request.Key, Keys.AuthorizationKey, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var status = Configuration.Change(Keys.AuthorizationKey, request.Value);
        if (status == ConfigurationStatus.Accepted)
        {
            // §2.3: the new password is used from the next connection; close and reconnect once the change is confirmed (OCTT TC_073).
            LogSecurityEvent(SecurityEventType.ReconfigurationOfSecurityParameters, "AuthorizationKey changed");
            AfterResponse(Reconnect);
        }

        return status;
    }

    /// <summary>
    /// §2.4: the profile may only go up (a downgrade is Rejected, OCTT TC_084), and only to a profile the charge
    /// point can use: 2 and 3 need a CentralSystemRootCertificate, 3 also a charge point certificate. After an
    /// accepted upgrade the charge point reconnects with the new profile (OCTT TC_083).
    /// </summary>
    private ConfigurationStatus ChangeSecurityProfile(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) || wanted is < 0 or > 3)
        {
            return ConfigurationStatus.Rejected;
        }

        var currentProfile = SecurityProfile;
        if (wanted < currentProfile)
        {
            return ConfigurationStatus.Rejected;
        }

        if (wanted == currentProfile)
        {
            return ConfigurationStatus.Accepted;
        }

        var hasRoot = Certificates.Roots(CertificateUse.CentralSystemRootCertificate).Count > 0;
        if ((wanted >= 2 && !hasRoot) || (wanted == 3 && Certificates.ChargePointCertificate is null) || (wanted is 1 or 2 && BasicAuthPassword is null))
        {
            return ConfigurationStatus.Rejected;
        }

        Configuration.Set(Keys.SecurityProfile, wanted.ToString(CultureInfo.InvariantCulture));
        LogSecurityEvent(SecurityEventType.ReconfigurationOfSecurityParameters, $"SecurityProfile {currentProfile} to {wanted}");
        AfterResponse(Reconnect);
        return ConfigurationStatus.Accepted;
    }

    private void Reconnect()
    {
        Disconnect();
        ScheduleConnect(TimeSpan.Zero);
    }

    /// <summary>Remembers why the charge point reboots, for the ResetOrReboot event after the boot (§5).</summary>
    private void NoteRebootForSecurityLog(Reason reason)
    {
        rebootReason = reason;
    }

    /// <summary>Runs when the Central System has accepted the charge point: boot events, signed firmware, events that waited.</summary>
    private void OnSecurityRegistered(bool booted)
    {
        if (booted)
        {
            Reason? reason;
            reason = rebootReason;
            rebootReason = null;

            if (reason is { } why)
            {
                LogSecurityEvent(SecurityEventType.ResetOrReboot, why.ToString());
            }
            else
            {
                LogSecurityEvent(SecurityEventType.StartupOfTheDevice);
            }

            OnSignedFirmwareBooted();
        }

        List<SecurityLogEntry> waiting;
        waiting = [.. unsentSecurityEvents];
        unsentSecurityEvents.Clear();

        foreach (var entry in waiting)
        {
            NotifySecurityEvent(entry);
        }
    }
}
