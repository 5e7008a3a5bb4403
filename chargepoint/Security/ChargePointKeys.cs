using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.ChargePoint.Security;

/// <summary>The key type of the charge point certificate.</summary>
public enum ChargePointKeyType
{
    /// <summary>ECDSA on NIST P-256 (secp256r1).</summary>
    EcdsaP256,

    /// <summary>RSA with a 2048-bit modulus.</summary>
    Rsa2048,
}

/// <summary>
/// A key pair and its PKCS#10 certificate signing request (Security Whitepaper §3.2 "Certificate
/// properties"): subject CN = the charge point's unique serial number, O = CpoName; RSA ≥ 2048 bits or
/// EC ≥ 224 bits; signed with SHA-256.
/// </summary>
public sealed class ChargePointKeys : IDisposable
{
    private ChargePointKeys(AsymmetricAlgorithm key, string csrPem)
    {
        Key = key;
        CsrPem = csrPem;
    }

    /// <summary>The private key; it never leaves the charge point.</summary>
    public AsymmetricAlgorithm Key { get; }

    /// <summary>The certificate signing request, PEM.</summary>
    public string CsrPem { get; }

    /// <summary>Makes a new key pair and its CSR.</summary>
    public static ChargePointKeys Create(string serialNumber, string? cpoName, ChargePointKeyType type)
    {
        var subject = new X500DistinguishedNameBuilder();
        if (cpoName is { Length: > 0 })
        {
            subject.AddOrganizationName(cpoName);
        }

        subject.AddCommonName(serialNumber);
        var name = subject.Build();
        if (type == ChargePointKeyType.Rsa2048)
        {
            var rsa = RSA.Create(2048);
            return new ChargePointKeys(rsa, Request(new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        }

        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new ChargePointKeys(ecdsa, Request(new CertificateRequest(name, ecdsa, HashAlgorithmName.SHA256)));
    }

    /// <summary>The certificate with this private key attached, for use as a TLS client certificate.</summary>
    public X509Certificate2 Attach(X509Certificate2 certificate) => Key switch
    {
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        _ => throw new NotSupportedException(Key.GetType().Name),
    };

    /// <inheritdoc/>
    public void Dispose() => Key.Dispose();

    private static string Request(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        return request.CreateSigningRequestPem();
    }
}
