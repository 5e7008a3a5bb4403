using System.Security.Cryptography.X509Certificates;
using OcppLab.Csms.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using OcppLab.Protocol.Security;

namespace OcppLab.Csms.Handlers.Security;

/// <summary>
/// SignCertificate (Security Whitepaper ed. 3 §3.3.1, §6.3.13): the station's CSR goes to the embedded CA.
/// Accepted when the CA signs it; the CertificateSigned carrying the chain follows once that answer is on the wire
/// (steps 3–4: it never overtakes the answer), and the station's answer to it is recorded.
/// </summary>
public sealed class SignCertificateHandler(CertificateAuthority authority, SecurityRecordStore records, TimeProvider time, ILogger<SignCertificateHandler> logger)
    : IOcppReplyHandler<ChargePointSession, SignCertificateRequest, SignCertificateResponse>
{
    private static readonly OcppReply<SignCertificateResponse> Rejected = new(new SignCertificateResponse { Status = GenericStatus.Rejected });

    /// <inheritdoc/>
    public ValueTask<OcppReply<SignCertificateResponse>> HandleAsync(ChargePointSession station, SignCertificateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);

        // The certificate names the station by its identity or by the serial number it booted with (OCTT 2025-11 TC_074).
        List<string> names = [station.Id];
        if (station.LastBoot?.Request.ChargePointSerialNumber is { Length: > 0 } serial)
        {
            names.Add(serial);
        }

        var (chain, problem) = authority.Sign(request.Csr, names);
        if (chain is null)
        {
            SecurityLog.CsrRefused(logger, station.Id, problem!);
            return ValueTask.FromResult(Rejected);
        }

        return ValueTask.FromResult(new OcppReply<SignCertificateResponse>(
            new SignCertificateResponse { Status = GenericStatus.Accepted },
            (connection, token) => SendCertificateAsync(station.Id, chain, connection, token)));
    }

    private async Task SendCertificateAsync(string chargePointId, string chain, OcppRpcEndpoint connection, CancellationToken cancellationToken)
    {
        using var certificate = X509Certificate2.CreateFromPem(chain);
        var record = new CertificateSignedRecord(
            CertificateHashes.SerialNumber(certificate),
            CertificateAuthority.CommonName(certificate.SubjectName) ?? "",
            time.GetUtcNow(),
            null);
        try
        {
            var answer = await connection.CallAsync(new CertificateSignedRequest { CertificateChain = chain }, cancellationToken);
            records.For(chargePointId).Add(record with { Status = answer.Status.ToString() });
            SecurityLog.CertificateSignedAnswered(logger, chargePointId, answer.Status.ToString());
        }
        catch (Exception e) when (e is OcppCallTimeoutException or OcppDisconnectedException or OcppCallErrorException or OcppInvalidResponseException or OperationCanceledException)
        {
            records.For(chargePointId).Add(record with { Status = "NoAnswer" });
            SecurityLog.CertificateSignedFailed(logger, e, chargePointId);
        }
    }
}
