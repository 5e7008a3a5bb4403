using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint;

/// <summary>
/// The OCPP 1.6 Security Whitepaper (edition 3) as the façade shows it: the certificates, the security log and
/// its events (§5), what the transport presents at the next connection (§2.3, §2.4), and the certificate renewal (§3.2).
/// </summary>
public sealed partial class VirtualChargePoint
{
    /// <summary>The installed root certificates and the charge point certificate (§3.2, §3.4).</summary>
    public CertificateStore Certificates => certificates.Store;

    /// <summary>Every security event, also those not pushed to the Central System (§5).</summary>
    public SecurityLog SecurityLog => security.Entries;

    /// <summary>Every security event as it is logged (§5), also those not pushed to the Central System: what a console shows.</summary>
    public IObservable<SecurityLogEntry> SecurityEvents => security.Logged;

    /// <summary>The key type of the next key pair (§3.2: RSA ≥ 2048 or EC ≥ 224 bits).</summary>
    public ChargePointKeyType KeyType
    {
        get => certificates.KeyType;
        init => certificates.KeyType = value;
    }

    /// <summary>The SecurityProfile configuration key: 0 (none) to 3 (TLS with client certificate).</summary>
    public int SecurityProfile => security.SecurityProfile;

    /// <summary>The HTTP Basic authentication password: the AuthorizationKey, or null when none is set.</summary>
    public string? BasicAuthPassword => configurationRequests.BasicAuthPassword;

    /// <summary>What the next connection presents; pass it to <see cref="SecureWebSocketFactory.Client"/>.</summary>
    public TransportSecurity ConnectionSecurity => new(
        SecurityProfile,
        Id,
        BasicAuthPassword,
        Certificates.Roots(CertificateUse.CentralSystemRootCertificate),
        Certificates.ChargePointCertificate,
        problem => scheduler.Post(() => security.Log(SecurityEventType.InvalidCentralSystemCertificate, problem, notify: true)))
    {
        ClientCertificateIntermediates = Certificates.ChargePointIntermediates,
    };

    /// <summary>The LogStatusNotification status last reported.</summary>
    public UploadLogStatus LogStatus => signedFirmware.LogStatus;

    /// <summary>The SignedFirmwareStatusNotification status last reported.</summary>
    public SignedFirmwareStatus SignedFirmwareStatus => signedFirmware.SignedFirmwareStatus;

    /// <summary>Clears the security log, which is itself a security event (§5 SecurityLogWasCleared).</summary>
    public void ClearSecurityLog() => scheduler.Run(security.Clear);

    /// <summary>
    /// Logs a security event and pushes it with SecurityEventNotification when it is critical and a security
    /// profile is in use, or when <paramref name="notify"/> says a use case requires it (§5). A notification
    /// that cannot go out now waits for the next accepted connection.
    /// </summary>
    public void RaiseSecurityEvent(string type, string? techInfo = null, bool notify = false) =>
        scheduler.Run(() => security.Log(type, techInfo, notify));

    /// <summary>
    /// Makes a new key pair and CSR and sends SignCertificate, on the charge point's own initiative or on
    /// ExtendedTriggerMessage(SignChargePointCertificate) (§3.2). Completes with the Central System's answer.
    /// </summary>
    public Task<GenericStatus?> RenewCertificateAsync() => scheduler.InvokeAsync(certificates.RenewAsync);

    /// <summary>
    /// Puts certificates on the charge point before it first connects, as manufacturing or the CPO would: copies
    /// of <paramref name="centralSystemRoots"/> as CentralSystemRootCertificates (§3.4; the store owns what it
    /// holds) and <paramref name="chargePointCertificate"/>, with its private key, as the charge point certificate
    /// (§3.2; taken over), with copies of the <paramref name="intermediates"/> between it and its root.
    /// </summary>
    /// <exception cref="InvalidOperationException">A root is not a CA certificate valid now, or the store is full (CertificateStoreMaxLength).</exception>
    public void ProvisionCertificates(IEnumerable<X509Certificate2> centralSystemRoots, X509Certificate2? chargePointCertificate, IEnumerable<X509Certificate2>? intermediates = null) =>
        certificates.Provision(centralSystemRoots, chargePointCertificate, intermediates);
}
