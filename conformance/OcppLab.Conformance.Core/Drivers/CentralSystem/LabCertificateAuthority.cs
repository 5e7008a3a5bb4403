using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using OcppLab.Tests.Shared;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// OCTT's certificates for the charge-point security cases (TC_074..TC_081), valid around the case's virtual
/// clock because the charge point checks validity on that clock: one root used as CentralSystemRootCertificate
/// and ManufacturerRootCertificate, the CA that signs the charge point's CSR, and a firmware signing certificate
/// it issued, with a real signature over the lab's firmware image (Security Whitepaper §3.2, §3.5).
/// </summary>
public sealed class LabCertificateAuthority(LabCentralSystem lab) : IDisposable
{
    private TestCertificateAuthority? authority;
    private X509Certificate2? signer;

    public X509Certificate2 Root => Authority.Certificate;

    public string RootPem => Root.ExportCertificatePem();

    public string SigningCertificatePem => Signer.ExportCertificatePem();

    private TestCertificateAuthority Authority => authority ??= TestCertificateAuthority.Create("CN=OcppLab OCTT Root, O=OcppLab", now: lab.Now);

    private X509Certificate2 Signer => signer ??= Authority.IssueWithKey("CN=OcppLab Firmware Signer, O=OcppLab");

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
        using var certificate = Authority.SignCsr(csrPem);
        return certificate.ExportCertificatePem();
    }

    /// <summary>
    /// The Central System's TLS certificate for 127.0.0.1 and localhost, valid on the virtual clock and on the real
    /// one (a real handshake checks it against the real time).
    /// </summary>
    public X509Certificate2 IssueServerCertificate() => Authority.IssueServer();

    /// <summary>Base64 of the ECDSA SHA-256 signature of <paramref name="image"/> by the firmware signing key.</summary>
    public string SignFirmware(byte[] image)
    {
        using var key = Signer.GetECDsaPrivateKey()!;
        return Convert.ToBase64String(key.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    public void Dispose()
    {
        authority?.Dispose();
        signer?.Dispose();
    }
}
