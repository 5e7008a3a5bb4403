using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// OCTT's certificates for the charge-point security cases (TC_074..TC_081), valid around the case's virtual
/// clock because the charge point checks validity on that clock: one root used as CentralSystemRootCertificate
/// and ManufacturerRootCertificate, the CA that signs the charge point's CSR, and a firmware signing certificate
/// it issued, with a real signature over the lab's firmware image (Security Whitepaper §3.2, §3.5).
/// </summary>
public sealed class LabCertificateAuthority(LabCentralSystem lab) : IDisposable
{
    private readonly ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa signerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private X509Certificate2? root;
    private X509Certificate2? signer;

    public X509Certificate2 Root => root ??= CreateRoot();

    public string RootPem => Root.ExportCertificatePem();

    public string SigningCertificatePem => (signer ??= Issue(new CertificateRequest("CN=OcppLab Firmware Signer, O=OcppLab", signerKey, HashAlgorithmName.SHA256))).ExportCertificatePem();

    /// <summary>certificateHashData of the root as the whitepaper defines it (§2.6), computed by the lab itself.</summary>
    public JsonObject HashData(string hashAlgorithm)
    {
        Func<byte[], byte[]> hash = hashAlgorithm switch
        {
            "SHA384" => SHA384.HashData,
            "SHA512" => SHA512.HashData,
            _ => SHA256.HashData,
        };
        return new JsonObject
        {
            ["hashAlgorithm"] = hashAlgorithm,
            ["issuerNameHash"] = Convert.ToHexStringLower(hash(Root.IssuerName.RawData)),
            ["issuerKeyHash"] = Convert.ToHexStringLower(hash(Root.PublicKey.EncodedKeyValue.RawData)),
            ["serialNumber"] = Root.SerialNumber.TrimStart('0').ToLowerInvariant(),
        };
    }

    /// <summary>Signs the charge point's PKCS#10 request as the Central System's CA.</summary>
    public string SignCsr(string csrPem)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        using var certificate = Issue(request);
        return certificate.ExportCertificatePem();
    }

    /// <summary>
    /// The Central System's TLS certificate for 127.0.0.1 and localhost, valid on the virtual clock and on the real
    /// one (a real handshake checks it against the real time).
    /// </summary>
    public X509Certificate2 IssueServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1, O=OcppLab", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        var realNow = DateTimeOffset.UtcNow;
        var from = (lab.Now < realNow ? lab.Now : realNow).AddDays(-1);
        var to = (lab.Now > realNow ? lab.Now : realNow).AddDays(30);
        var notAfter = to < Root.NotAfter ? to : new DateTimeOffset(Root.NotAfter.ToUniversalTime());
        using var certificate = request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), from, notAfter, serial);
        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Base64 of the ECDSA SHA-256 signature of <paramref name="image"/> by the firmware signing key.</summary>
    public string SignFirmware(byte[] image) =>
        Convert.ToBase64String(signerKey.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose()
    {
        root?.Dispose();
        signer?.Dispose();
        rootKey.Dispose();
        signerKey.Dispose();
    }

    private X509Certificate2 CreateRoot()
    {
        var request = new CertificateRequest("CN=OcppLab OCTT Root, O=OcppLab", rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(lab.Now.AddDays(-1), lab.Now.AddYears(5));
    }

    private X509Certificate2 Issue(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        return request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), lab.Now.AddDays(-1), lab.Now.AddYears(1), serial);
    }
}
