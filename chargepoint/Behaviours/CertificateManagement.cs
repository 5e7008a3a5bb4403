using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// Certificate management of the Security Whitepaper: the charge point certificate renewed through a key pair,
/// a CSR, SignCertificate and CertificateSigned (§3.2), root certificates installed, listed and deleted by
/// their hash data (§3.4).
/// </summary>
internal sealed class CertificateManagement(ChargePointContext context, SecurityEvents security, Action reconnect)
{
    /// <summary>The installed root certificates and the charge point certificate (§3.2, §3.4).</summary>
    public CertificateStore Store { get; } = new();

    /// <summary>The key type of the next key pair (§3.2: RSA ≥ 2048 or EC ≥ 224 bits).</summary>
    public ChargePointKeyType KeyType { get; set; } = ChargePointKeyType.EcdsaP256;

    private ChargePointKeys? pendingKeys;

    /// <summary>
    /// Makes a new key pair and CSR and sends SignCertificate, on the charge point's own initiative or on
    /// ExtendedTriggerMessage(SignChargePointCertificate) (§3.2). Completes with the Central System's answer.
    /// </summary>
    public async Task<GenericStatus?> RenewAsync()
    {
        var keys = ChargePointKeys.Create(context.Template.SerialNumber ?? context.Id, context.Configuration.Get(Keys.CpoName), KeyType);
        var old = pendingKeys;
        pendingKeys = keys;

        old?.Dispose();
        try
        {
            var response = await context.Messages.Send(new SignCertificateRequest { Csr = keys.CsrPem });
            return response.Status;
        }
#pragma warning disable CA1031 // Not answered: the Central System may trigger the renewal again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ChargePointLog.OperationFailed(context.Logger, context.Id, SignCertificateRequest.Action, e);
            return null;
        }
    }

    /// <summary>
    /// Puts certificates on the charge point before it first connects, as manufacturing or the CPO would: copies
    /// of <paramref name="centralSystemRoots"/> as CentralSystemRootCertificates (§3.4; the store owns what it
    /// holds) and <paramref name="chargePointCertificate"/>, with its private key, as the charge point certificate
    /// (§3.2; taken over), with copies of the <paramref name="intermediates"/> between it and its root.
    /// </summary>
    /// <exception cref="InvalidOperationException">A root is not a CA certificate valid now, or the store is full (CertificateStoreMaxLength).</exception>
    public void Provision(IEnumerable<X509Certificate2> centralSystemRoots, X509Certificate2? chargePointCertificate, IEnumerable<X509Certificate2>? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(centralSystemRoots);
        foreach (var root in centralSystemRoots)
        {
            var copy = X509CertificateLoader.LoadCertificate(root.RawDataMemory.Span);
            var outcome = Store.Install(CertificateUse.CentralSystemRootCertificate, copy, context.Now, context.Configuration.GetInt(Keys.CertificateStoreMaxLength, 10));
            if (outcome != InstallOutcome.Installed)
            {
                copy.Dispose();
                throw new InvalidOperationException($"'{root.Subject}' could not be installed as a CentralSystemRootCertificate: {outcome}.");
            }
        }

        if (chargePointCertificate is not null)
        {
            var copies = (intermediates ?? []).Select(i => X509CertificateLoader.LoadCertificate(i.RawDataMemory.Span)).ToArray();
            Store.SetChargePointCertificate(chargePointCertificate, copies);
        }
    }

    public CertificateSignedResponse OnCertificateSigned(CertificateSignedRequest request)
    {
        var rejected = new CertificateSignedResponse { Status = CertificateSignedStatus.Rejected };
        var chain = CertificateChecks.ParsePemChain(request.CertificateChain);
        string? problem = null;
        var keys = pendingKeys;

        if (request.CertificateChain.Length > context.Configuration.GetInt(Keys.CertificateSignedMaxChainSize, 10000))
        {
            problem = "the certificate chain is longer than CertificateSignedMaxChainSize";
        }
        else if (chain.Count == 0)
        {
            problem = "not a PEM certificate chain";
        }
        else if (keys is null || !CertificateChecks.HasPublicKeyOf(chain[0], keys.Key))
        {
            problem = "the certificate does not match the key of the last CSR";
        }
        else if (!CertificateChecks.ChainsTo(chain[0], chain.Skip(1), Store.Roots(CertificateUse.CentralSystemRootCertificate), context.Now))
        {
            problem = "the certificate does not chain to an installed CentralSystemRootCertificate, or is not valid now";
        }

        if (problem is not null || keys is null)
        {
            // §3.2: a certificate that does not verify is Rejected and reported (OCTT TC_077).
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }

            context.AfterResponse(() => security.Log(SecurityEventType.InvalidChargePointCertificate, problem, notify: true));
            return rejected;
        }

        // The CA certificates of the chain, but the self-signed root the Central System already has, go out with
        // the new certificate in the TLS handshake.
        var intermediates = CertificateChecks.IntermediatesOf(chain);
        Store.SetChargePointCertificate(keys.Attach(chain[0]), intermediates);
        pendingKeys = null;

        keys.Dispose();
        foreach (var certificate in chain.Except(intermediates))
        {
            certificate.Dispose();
        }

        // §3.2: the new certificate is used from the next connection; on profile 3 reconnect with it now (OCTT TC_074).
        if (security.SecurityProfile == 3)
        {
            context.AfterResponse(reconnect);
        }

        return new() { Status = CertificateSignedStatus.Accepted };
    }

    public InstallCertificateResponse OnInstallCertificate(InstallCertificateRequest request)
    {
        var chain = CertificateChecks.ParsePemChain(request.Certificate);
        var outcome = chain.Count == 1
            ? Store.Install(request.CertificateType, chain[0], context.Now, context.Configuration.GetInt(Keys.CertificateStoreMaxLength, 10))
            : InstallOutcome.Invalid;
        if (outcome != InstallOutcome.Installed)
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }
        }

        switch (outcome)
        {
            case InstallOutcome.Installed:
                return new() { Status = CertificateStatus.Accepted };
            case InstallOutcome.StoreFull:
                return new() { Status = CertificateStatus.Failed };
            default:
                // §3.4: an invalid or expired Central System root is Rejected and reported (OCTT TC_078).
                if (request.CertificateType == CertificateUse.CentralSystemRootCertificate)
                {
                    context.AfterResponse(() => security.Log(SecurityEventType.InvalidCentralSystemCertificate, "InstallCertificate: not a valid root certificate", notify: true));
                }

                return new() { Status = CertificateStatus.Rejected };
        }
    }

    public GetInstalledCertificateIdsResponse OnGetInstalledCertificateIds(GetInstalledCertificateIdsRequest request)
    {
        var hashes = Store.HashData(request.CertificateType, HashAlgorithm.SHA256);
        return hashes.Count == 0
            ? new() { Status = GetInstalledCertificateStatus.NotFound }
            : new() { Status = GetInstalledCertificateStatus.Accepted, CertificateHashData = hashes };
    }

    public DeleteCertificateResponse OnDeleteCertificate(DeleteCertificateRequest request) =>
        new() { Status = Store.Delete(request.CertificateHashData) ? DeleteCertificateStatus.Accepted : DeleteCertificateStatus.NotFound };
}
