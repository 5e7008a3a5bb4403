using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.Csms.Security;
using OcppLab.Protocol.Security;
using OcppLab.Tests.Shared;
using HashAlgorithm = OcppLab.Protocol.Messages.Types.HashAlgorithm;

namespace OcppLab.Csms.Tests.Security;

public sealed class CertificateHashDataTests
{
    [TestCase(HashAlgorithm.SHA256, 64)]
    [TestCase(HashAlgorithm.SHA384, 96)]
    [TestCase(HashAlgorithm.SHA512, 128)]
    public void Hash_data_hashes_the_issuer_name_and_key_with_the_named_algorithm(HashAlgorithm algorithm, int hexLength)
    {
        using var root = Root();

        var data = CertificateHashes.For(root, algorithm);

        Func<byte[], byte[]> hash = algorithm switch
        {
            HashAlgorithm.SHA256 => SHA256.HashData,
            HashAlgorithm.SHA384 => SHA384.HashData,
            _ => SHA512.HashData,
        };
        Assert.That(data.HashAlgorithm, Is.EqualTo(algorithm));
        Assert.That(data.IssuerNameHash, Has.Length.EqualTo(hexLength));
        Assert.That(data.IssuerNameHash, Is.EqualTo(Convert.ToHexStringLower(hash(root.IssuerName.RawData))));
        Assert.That(data.IssuerKeyHash, Is.EqualTo(Convert.ToHexStringLower(hash(root.PublicKey.EncodedKeyValue.RawData))));
    }

    [Test]
    public void The_serial_number_is_lower_case_hex_without_leading_zeroes()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Serial", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(new X500DistinguishedName("CN=Serial"), X509SignatureGenerator.CreateForECDsa(key), now, now.AddDays(1), [0x00, 0x0A, 0xBC]);

        Assert.That(CertificateHashes.SerialNumber(certificate), Is.EqualTo("abc"));
    }

    [Test]
    public void A_leaf_is_identified_by_its_issuers_key()
    {
        using var root = Root();
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        using var leaf = new CertificateRequest("CN=Leaf", leafKey, HashAlgorithmName.SHA256)
            .Create(root, now, now.AddDays(1), [0x01, 0x02]);

        var data = CertificateHashes.For(leaf, HashAlgorithm.SHA256, root);

        Assert.That(data.IssuerKeyHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(root.PublicKey.EncodedKeyValue.RawData))));
        Assert.That(data.IssuerNameHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(root.SubjectName.RawData))));
    }

    private static X509Certificate2 Root() => TestCertificateAuthority.Create("CN=Test Root, O=OcppLab").Certificate;
}
