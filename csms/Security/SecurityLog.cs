namespace OcppLab.Csms.Security;

/// <summary>The security log messages.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(601, LogLevel.Warning, "Refused {ChargePointId} at the upgrade ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, string chargePointId, int status, string reason);

    [LoggerMessage(602, LogLevel.Information, "{ChargePointId} connected at security profile {Profile} (required {Required})")]
    public static partial void Admitted(ILogger logger, string chargePointId, int profile, int required);

    [LoggerMessage(603, LogLevel.Information, "{ChargePointId} now needs security profile {Profile}")]
    public static partial void ProfileRaised(ILogger logger, string chargePointId, int profile);

    [LoggerMessage(604, LogLevel.Information, "{ChargePointId} accepted a new AuthorizationKey; the old one no longer applies")]
    public static partial void KeyChanged(ILogger logger, string chargePointId);

    [LoggerMessage(605, LogLevel.Warning, "{ChargePointId} sent an AuthorizationKey or SecurityProfile the Central System cannot use: {Reason}")]
    public static partial void UnusableChange(ILogger logger, string chargePointId, string reason);

    [LoggerMessage(606, LogLevel.Warning, "Refused to sign the CSR of {ChargePointId}: {Reason}")]
    public static partial void CsrRefused(ILogger logger, string chargePointId, string reason);

    [LoggerMessage(607, LogLevel.Information, "{ChargePointId} answered CertificateSigned with {Status}")]
    public static partial void CertificateSignedAnswered(ILogger logger, string chargePointId, string status);

    [LoggerMessage(608, LogLevel.Warning, "CertificateSigned to {ChargePointId} failed")]
    public static partial void CertificateSignedFailed(ILogger logger, Exception exception, string chargePointId);

    [LoggerMessage(609, LogLevel.Warning, "Security event from {ChargePointId}: {Type} at {Timestamp} ({TechInfo})")]
    public static partial void SecurityEvent(ILogger logger, string chargePointId, string type, DateTimeOffset timestamp, string? techInfo);

    [LoggerMessage(610, LogLevel.Warning, "Demo TLS: {CaOrigin} and a server certificate for {HostName}; stations trust {CaFile}; listening on {TlsUrl}")]
    public static partial void DemoTls(ILogger logger, string caOrigin, string hostName, string caFile, string tlsUrl);
}
