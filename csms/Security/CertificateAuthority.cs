using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace OcppLab.Csms.Security;

/// <summary>
/// The Central System's own CA (Security Whitepaper ed. 3 §3: the CSO's certificate hierarchy). It signs
/// the charge points' CSRs (SignCertificate → CertificateSigned) with plain SHA256withRSA — OCTT rejects
/// RSA-PSS — or ECDSA, issues the TLS server certificate, and is the trust anchor of Security Profile 3
/// client certificates. Loaded from PEM files, or made at start and thrown away at stop.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    private const string CommonNameOid = "2.5.4.3";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2 certificate;
    private readonly TimeProvider time;
    private readonly int chargePointCertificateDays;

    /// <summary>
    /// Loads the CA named in <c>Csms:Security</c>; without one, the CA kept in the data directory (made there
    /// on first start), or, without a data directory, a throwaway one.
    /// </summary>
    public CertificateAuthority(IOptions<CsmsSecurityOptions> options, TimeProvider time, Persistence.CsmsDatabase? database = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        var settings = options.Value.Security;
        chargePointCertificateDays = settings.ChargePointCertificateDays;
        (certificate, Origin) = settings.CaCertificatePath is { Length: > 0 } path
            ? (X509Certificate2.CreateFromPemFile(path, settings.CaKeyPath), $"the CA from {path}")
            : database is not null
            ? (KeptRoot(database.Directory, time.GetUtcNow()), $"the CA kept in {database.Directory}")
            : (CreateRoot("OcppLab Central System CA", time.GetUtcNow()), "a throwaway CA");
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("Csms:Security:CaKeyPath: the CA needs its private key to sign certificates.");
        }
    }

    /// <summary>Where the CA comes from, for the log: a configured file, the data directory, or made for this run only.</summary>
    public string Origin { get; }

    /// <summary>The CA certificate (public part), to install on stations as their CentralSystemRootCertificate.</summary>
    public X509Certificate2 Certificate => certificate;

    /// <summary>The CA certificate as PEM.</summary>
    public string CertificatePem => certificate.ExportCertificatePem();

    /// <summary>
    /// Signs a station's CSR (Security Whitepaper ed. 3 §3.3.1, Use case A02). The CSR's own signature is
    /// checked, its key must be RSA ≥ 2048 bits or EC ≥ 224 bits (§3.1), and its subject CN one of
    /// <paramref name="allowedCommonNames"/> (the charge point identity, or the serial number it booted with).
    /// </summary>
    /// <returns>The PEM chain (certificate, then this CA) or the reason it was refused.</returns>
    public (string? Chain, string? Problem) Sign(string csrPem, IReadOnlyCollection<string> allowedCommonNames)
    {
        ArgumentNullException.ThrowIfNull(allowedCommonNames);
        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return (null, "The CSR is not a PEM PKCS#10 request with a valid signature: " + e.Message);
        }

        var cn = CommonName(request.SubjectName);
        if (cn is null || !allowedCommonNames.Contains(cn, StringComparer.Ordinal))
        {
            return (null, $"The CSR's CN is '{cn}'; it must be one of [{string.Join(", ", allowedCommonNames)}].");
        }

        if (KeyProblem(request.PublicKey) is { } keyProblem)
        {
            return (null, keyProblem);
        }

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(certificate, true, false));
        var now = time.GetUtcNow();
        using var issued = request.Create(certificate.SubjectName, Signer(), now.AddMinutes(-5), now.AddDays(chargePointCertificateDays), NewSerial());
        return (issued.ExportCertificatePem() + "\n" + CertificatePem, null);
    }

    /// <summary>Issues the TLS server certificate: RSA 2048, CN and SAN = <paramref name="hostName"/>, with a serial number (TC_086).</summary>
    public X509Certificate2 IssueServerCertificate(string hostName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + hostName), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        if (System.Net.IPAddress.TryParse(hostName, out var ip))
        {
            names.AddIpAddress(ip);
        }
        else
        {
            names.AddDnsName(hostName);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(certificate, true, false));
        var now = time.GetUtcNow();
        using var issued = request.Create(certificate.SubjectName, Signer(), now.AddMinutes(-5), now.AddDays(365), NewSerial());
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Whether <paramref name="presented"/> chains to this CA (Security Profile 3, Security Whitepaper ed. 3 §2.5).</summary>
    public bool Issued(X509Certificate2 presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        return chain.Build(presented);
    }

    /// <summary>The subject CN of <paramref name="name"/>, or null.</summary>
    public static string? CommonName(X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == CommonNameOid)
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => certificate.Dispose();

    private static string? KeyProblem(PublicKey key)
    {
        using var rsa = key.GetRSAPublicKey();
        using var ec = key.GetECDsaPublicKey();
        return (rsa, ec) switch
        {
            ({ KeySize: < 2048 }, _) => $"The CSR's RSA key has {rsa.KeySize} bits; at least 2048 are required (Security Whitepaper ed. 3 §3.1).",
            (_, { KeySize: < 224 }) => $"The CSR's EC key has {ec.KeySize} bits; at least 224 are required (Security Whitepaper ed. 3 §3.1).",
            (null, null) => "The CSR's key is neither RSA nor EC.",
            _ => null,
        };
    }

    // A restarted Central System must still trust the client certificates it signed (Security Profile 3) and
    // stations must still trust its server certificate: the CA outlives the process with the data directory.
    private static X509Certificate2 KeptRoot(string directory, DateTimeOffset now)
    {
        var certificatePath = Path.Combine(directory, "ca.pem");
        var keyPath = Path.Combine(directory, "ca.key.pem");
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }

        var created = CreateRoot("OcppLab Central System CA", now);
        using var key = created.GetRSAPrivateKey() ?? throw new InvalidOperationException("The CA made at start has no RSA key.");
        var keyOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            keyOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var keyFile = new StreamWriter(keyPath, keyOptions))
        {
            keyFile.Write(key.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(certificatePath, created.ExportCertificatePem());
        return created;
    }

    private static X509Certificate2 CreateRoot(string name, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}, O=OcppLab"), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
    }

    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    private X509SignatureGenerator Signer() =>
        certificate.GetRSAPrivateKey() is { } rsa
            ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : X509SignatureGenerator.CreateForECDsa(certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The CA key is neither RSA nor EC."));
}
