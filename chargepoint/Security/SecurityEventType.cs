namespace OcppLab.ChargePoint.Security;

/// <summary>
/// The security events of the OCPP 1.6 Security Whitepaper (edition 3, §5 "Security events"), spelled as the
/// whitepaper's table lists them; the critical ones are sent to the Central System, all are logged.
/// </summary>
public static class SecurityEventType
{
    public const string FirmwareUpdated = nameof(FirmwareUpdated);
    public const string FailedToAuthenticateAtCentralSystem = nameof(FailedToAuthenticateAtCentralSystem);
    public const string CentralSystemFailedToAuthenticate = nameof(CentralSystemFailedToAuthenticate);
    public const string SettingSystemTime = nameof(SettingSystemTime);
    public const string StartupOfTheDevice = nameof(StartupOfTheDevice);
    public const string ResetOrReboot = nameof(ResetOrReboot);
    public const string SecurityLogWasCleared = nameof(SecurityLogWasCleared);
    public const string ReconfigurationOfSecurityParameters = nameof(ReconfigurationOfSecurityParameters);
    public const string MemoryExhaustion = nameof(MemoryExhaustion);
    public const string InvalidMessages = nameof(InvalidMessages);
    public const string AttemptedReplayAttacks = nameof(AttemptedReplayAttacks);
    public const string TamperDetectionActivated = nameof(TamperDetectionActivated);
    public const string InvalidFirmwareSignature = nameof(InvalidFirmwareSignature);
    public const string InvalidFirmwareSigningCertificate = nameof(InvalidFirmwareSigningCertificate);
    public const string InvalidCentralSystemCertificate = nameof(InvalidCentralSystemCertificate);
    public const string InvalidChargePointCertificate = nameof(InvalidChargePointCertificate);
    public const string InvalidTLSVersion = nameof(InvalidTLSVersion);
    public const string InvalidTLSCipherSuite = nameof(InvalidTLSCipherSuite);

    /// <summary>
    /// Whether the whitepaper's table marks <paramref name="type"/> critical: critical events are pushed with
    /// SecurityEventNotification; the others are logged, and pushed only where a use case says so
    /// (e.g. InvalidChargePointCertificate in §3.2, InvalidCentralSystemCertificate in §3.4).
    /// </summary>
    public static bool IsCritical(string type) =>
        type is FirmwareUpdated or SettingSystemTime or StartupOfTheDevice or ResetOrReboot or SecurityLogWasCleared
            or ReconfigurationOfSecurityParameters or MemoryExhaustion or TamperDetectionActivated;
}
