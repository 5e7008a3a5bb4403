using System.Collections.Immutable;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Security;

/// <summary>What one station reported about its security, for the operator (Security Whitepaper ed. 3 §4–§6).</summary>
/// <param name="certificateAdded">Told of each certificate added, to keep it (see <see cref="SecurityRecordStore"/>).</param>
public sealed class SecurityRecords(Action<CertificateSignedRecord>? certificateAdded = null)
{
    private ImmutableList<SecurityEventRecord> events = [];
    private ImmutableList<LogStatusRecord> logStatuses = [];
    private ImmutableList<SignedFirmwareStatusRecord> signedFirmwareStatuses = [];
    private ImmutableList<CertificateSignedRecord> certificates = [];

    /// <summary>SecurityEventNotifications, oldest first.</summary>
    public IReadOnlyList<SecurityEventRecord> Events => events;

    /// <summary>LogStatusNotifications, oldest first.</summary>
    public IReadOnlyList<LogStatusRecord> LogStatuses => logStatuses;

    /// <summary>SignedFirmwareStatusNotifications, oldest first.</summary>
    public IReadOnlyList<SignedFirmwareStatusRecord> SignedFirmwareStatuses => signedFirmwareStatuses;

    /// <summary>Certificates the CA signed for the station and how the station answered CertificateSigned.</summary>
    public IReadOnlyList<CertificateSignedRecord> Certificates => certificates;

    /// <summary>Adds a security event.</summary>
    public void Add(SecurityEventRecord record) => ImmutableInterlocked.Update(ref events, l => l.Add(record));

    /// <summary>Adds a log upload status.</summary>
    public void Add(LogStatusRecord record) => ImmutableInterlocked.Update(ref logStatuses, l => l.Add(record));

    /// <summary>Adds a signed firmware status.</summary>
    public void Add(SignedFirmwareStatusRecord record) => ImmutableInterlocked.Update(ref signedFirmwareStatuses, l => l.Add(record));

    /// <summary>Adds a signed certificate's outcome.</summary>
    public void Add(CertificateSignedRecord record)
    {
        certificateAdded?.Invoke(record);
        ImmutableInterlocked.Update(ref certificates, l => l.Add(record));
    }

    /// <summary>Puts back certificates kept from before a restart.</summary>
    internal void Restore(IEnumerable<CertificateSignedRecord> kept) => ImmutableInterlocked.Update(ref certificates, l => l.AddRange(kept));
}

/// <summary>One SecurityEventNotification (Security Whitepaper ed. 3 §5.1; types in its Appendix 1).</summary>
public sealed record SecurityEventRecord(string Type, DateTimeOffset Timestamp, string? TechInfo, DateTimeOffset ReceivedAt);

/// <summary>One LogStatusNotification (Security Whitepaper ed. 3 §4.2).</summary>
public sealed record LogStatusRecord(UploadLogStatus Status, int? RequestId, DateTimeOffset ReceivedAt);

/// <summary>One SignedFirmwareStatusNotification (Security Whitepaper ed. 3 §4.4).</summary>
public sealed record SignedFirmwareStatusRecord(SignedFirmwareStatus Status, int? RequestId, DateTimeOffset ReceivedAt);

/// <summary>A certificate signed from the station's CSR and the station's answer (null while none came).</summary>
public sealed record CertificateSignedRecord(string SerialNumber, string CommonName, DateTimeOffset SignedAt, string? Status);
