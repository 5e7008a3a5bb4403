using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.ChargePoint.Security;

/// <summary>
/// The signature of a signed firmware image (Security Whitepaper §3.5): Base64 of a SHA-256 signature made
/// with the key of the signing certificate, RSA (PKCS#1 v1.5) or ECDSA (DER, as OpenSSL writes it, or
/// IEEE P1363).
/// </summary>
public static class FirmwareSignature
{
    /// <summary>Whether <paramref name="signatureBase64"/> is a valid signature of <paramref name="image"/> by <paramref name="signer"/>.</summary>
    public static bool Verify(byte[] image, string signatureBase64, X509Certificate2 signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64 ?? string.Empty);
        }
        catch (FormatException)
        {
            return false;
        }

        using var rsa = signer.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = signer.GetECDsaPublicKey();
        return ecdsa is not null
            && (ecdsa.VerifyData(image, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                || ecdsa.VerifyData(image, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
