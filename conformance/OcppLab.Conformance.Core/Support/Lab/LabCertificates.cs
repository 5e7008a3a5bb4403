using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using OcppLab.Tests.Shared;

namespace OcppLab.Conformance.Support.Lab;

/// <summary>
/// The certificates the security cases need (TC_074..TC_081): a root CA to install, a key and CSR for
/// SignCertificate, a firmware signing certificate, and the certificate hash data of the 1.6 security
/// white paper (§2.6: issuer name hash, issuer key hash, serial number). Built on first use, with EC keys.
/// </summary>
public sealed class LabCertificates(LabSettings settings) : IDisposable
{
    private readonly Lazy<X509Certificate2> root = new(() => TestCertificateAuthority.Create("CN=OcppLab Test Root, O=OcppLab").Certificate);
    private readonly Lazy<X509Certificate2> firmwareSigner = new(() => TestCertificateAuthority.Create("CN=OcppLab Firmware Signer, O=OcppLab").Certificate);
    private readonly Lazy<ECDsa> chargePointKey = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public string RootCertificatePem =>
        settings.RootCertificatePem.Length > 0 ? settings.RootCertificatePem : root.Value.ExportCertificatePem();

    public string FirmwareSigningCertificatePem =>
        settings.FirmwareSigningCertificatePem.Length > 0 ? settings.FirmwareSigningCertificatePem : firmwareSigner.Value.ExportCertificatePem();

    public ECDsa ChargePointKey => chargePointKey.Value;

    /// <summary>A PKCS#10 request for the charge point's key, subject CN = its serial number (TC_074, 2025-11).</summary>
    public string CertificateSigningRequestPem()
    {
        var request = new CertificateRequest($"CN={settings.ChargePointSerialNumber}, O=OcppLab", ChargePointKey, HashAlgorithmName.SHA256);
        return request.CreateSigningRequestPem();
    }

    /// <summary>The certificateHashData of the installed root, as a charge point reports it in GetInstalledCertificateIds.</summary>
    public JsonObject HashData(string hashAlgorithm)
    {
        using var certificate = X509Certificate2.CreateFromPem(RootCertificatePem);
        Func<byte[], byte[]> hash = hashAlgorithm switch
        {
            "SHA256" => SHA256.HashData,
            "SHA384" => SHA384.HashData,
            "SHA512" => SHA512.HashData,
            _ => throw new ArgumentException($"{hashAlgorithm} is not a 1.6 security hash algorithm.", nameof(hashAlgorithm)),
        };
        return new JsonObject
        {
            ["hashAlgorithm"] = hashAlgorithm,
            ["issuerNameHash"] = Convert.ToHexStringLower(hash(certificate.IssuerName.RawData)),
            ["issuerKeyHash"] = Convert.ToHexStringLower(hash(certificate.PublicKey.EncodedKeyValue.RawData)),
            ["serialNumber"] = certificate.SerialNumber.TrimStart('0').ToLowerInvariant(),
        };
    }

    public void Dispose()
    {
        if (root.IsValueCreated)
        {
            root.Value.Dispose();
        }

        if (firmwareSigner.IsValueCreated)
        {
            firmwareSigner.Value.Dispose();
        }

        if (chargePointKey.IsValueCreated)
        {
            chargePointKey.Value.Dispose();
        }
    }
}
