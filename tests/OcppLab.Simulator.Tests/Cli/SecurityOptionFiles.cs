using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.Tests.Shared;

namespace OcppLab.Simulator.Tests.Cli;

/// <summary>
/// PEM files for the security options, good and bad, in a folder of their own: a CA with its key, a client
/// certificate for CP001 with its key, another certificate's key, an encrypted key, a file with no PEM in it, and
/// a path that does not exist. <see cref="Expand"/> puts their paths into arguments and expected messages.
/// </summary>
internal sealed class SecurityOptionFiles : IDisposable
{
    private readonly TestCertificateAuthority authority = TestCertificateAuthority.Create("Option Test CA");

    public SecurityOptionFiles()
    {
        Directory.CreateDirectory(Folder);
        (Ca, CaKey) = authority.WritePem(Folder);
        using var client = authority.IssueClient("CN=CP001");
        Client = TestCertificateAuthority.WriteCertificate(client, Path.Combine(Folder, "client.pem"));
        ClientKey = TestCertificateAuthority.WriteKey(client, Path.Combine(Folder, "client.key.pem"));
        using var other = authority.IssueClient("CN=CP002");
        OtherKey = TestCertificateAuthority.WriteKey(other, Path.Combine(Folder, "other.key.pem"));
        using var key = client.GetECDsaPrivateKey()!;
        Encrypted = Path.Combine(Folder, "encrypted.key.pem");
        File.WriteAllText(Encrypted, key.ExportEncryptedPkcs8PrivateKeyPem("secret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)));
        Garbage = Path.Combine(Folder, "garbage.pem");
        File.WriteAllText(Garbage, "this is not PEM\n");
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ocpplab-option-tests", Guid.NewGuid().ToString("N"));

    public string Ca { get; }

    public string CaKey { get; }

    public string Client { get; }

    public string ClientKey { get; }

    public string OtherKey { get; }

    public string Encrypted { get; }

    public string Garbage { get; }

    public string Missing => Path.Combine(Folder, "missing.pem");

    public X509Certificate2 CaCertificate => authority.Certificate;

    /// <summary>Replaces {ca}, {ca-key}, {client}, {client-key}, {other-key}, {encrypted}, {garbage}, {missing} with the paths.</summary>
    public string Expand(string text) => text
        .Replace("{ca}", Ca, StringComparison.Ordinal)
        .Replace("{ca-key}", CaKey, StringComparison.Ordinal)
        .Replace("{client}", Client, StringComparison.Ordinal)
        .Replace("{client-key}", ClientKey, StringComparison.Ordinal)
        .Replace("{other-key}", OtherKey, StringComparison.Ordinal)
        .Replace("{encrypted}", Encrypted, StringComparison.Ordinal)
        .Replace("{garbage}", Garbage, StringComparison.Ordinal)
        .Replace("{missing}", Missing, StringComparison.Ordinal);

    public string[] Expand(IEnumerable<string> args) => [.. args.Select(Expand)];

    public void Dispose()
    {
        authority.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
