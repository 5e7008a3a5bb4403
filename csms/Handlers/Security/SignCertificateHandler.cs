using OcppLab.Csms.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Security;

/// <summary>
/// SignCertificate (Security Whitepaper ed. 3 §3.3.1, §6.3.13): the station's CSR goes to the embedded CA.
/// Accepted when the CA signs it; the CertificateSigned carrying the chain follows the answer.
/// </summary>
public sealed class SignCertificateHandler(CertificateAuthority authority, CertificateSigningQueue queue, ILogger<SignCertificateHandler> logger)
    : IOcppHandler<ChargePointSession, SignCertificateRequest, SignCertificateResponse>
{
    private static readonly SignCertificateResponse Accepted = new() { Status = GenericStatus.Accepted };
    private static readonly SignCertificateResponse Rejected = new() { Status = GenericStatus.Rejected };

    /// <inheritdoc/>
    public ValueTask<SignCertificateResponse> HandleAsync(ChargePointSession station, SignCertificateRequest request, CancellationToken cancellationToken)
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

        queue.Put(station.Id, chain);
        return ValueTask.FromResult(Accepted);
    }
}
