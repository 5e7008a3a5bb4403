using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;

namespace OcppLab.Simulator.Cli;

/// <summary>Reads the PEM files the security options name; every problem names the option and the file.</summary>
internal static class PemFiles
{
    private const string KeyForms = "PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY'";

    /// <summary>Every certificate of the file at <paramref name="path"/>, in order.</summary>
    public static string? ReadCertificates(string option, string path, out IReadOnlyList<X509Certificate2> certificates)
    {
        certificates = [];
        if (Read(option, path, out var text) is { } problem)
        {
            return problem;
        }

        certificates = CertificateChecks.ParsePemChain(text);
        return certificates.Count == 0 ? $"{option}: '{path}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)." : null;
    }

    /// <summary>
    /// The first certificate of <paramref name="certificatePath"/> with the private key of <paramref name="keyPath"/>
    /// attached (RSA or EC, unencrypted), once the key is known to be that certificate's; the file's further
    /// certificates but self-signed roots are its <paramref name="intermediates"/>, to send along in the TLS handshake.
    /// </summary>
    public static string? ReadCertificateWithKey(string certificateOption, string certificatePath, string keyOption, string keyPath, out X509Certificate2? certificate, out IReadOnlyList<X509Certificate2> intermediates)
    {
        certificate = null;
        intermediates = [];
        if (ReadCertificates(certificateOption, certificatePath, out var chain) is { } problem)
        {
            return problem;
        }

        var leaf = chain[0];
        var kept = CertificateChecks.IntermediatesOf(chain);
        foreach (var other in chain.Skip(1).Except(kept))
        {
            other.Dispose();
        }

        using (leaf)
        {
            var problemWithKey = AttachKey(leaf, certificatePath, keyOption, keyPath, out certificate);
            if (problemWithKey is not null)
            {
                foreach (var other in kept)
                {
                    other.Dispose();
                }

                return problemWithKey;
            }

            intermediates = kept;
            return null;
        }
    }

    /// <summary>A copy of <paramref name="leaf"/> with the key of <paramref name="keyPath"/>, once the key is known to be its.</summary>
    private static string? AttachKey(X509Certificate2 leaf, string certificatePath, string keyOption, string keyPath, out X509Certificate2? certificate)
    {
        certificate = null;
        if (Read(keyOption, keyPath, out var text) is { } unreadable)
        {
            return unreadable;
        }

        if (text.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return $"{keyOption}: '{keyPath}' holds an encrypted key; give it unencrypted ({KeyForms}).";
        }

        using var key = ImportKey(text);
        if (key is null)
        {
            return $"{keyOption}: '{keyPath}' holds no PEM private key ({KeyForms}).";
        }

        if (!CertificateChecks.HasPublicKeyOf(leaf, key))
        {
            return $"{keyOption}: '{keyPath}' is not the private key of the certificate in '{certificatePath}'.";
        }

        try
        {
            certificate = key switch
            {
                RSA rsa => leaf.CopyWithPrivateKey(rsa),
                ECDsa ecdsa => leaf.CopyWithPrivateKey(ecdsa),
                _ => null,
            };
        }
        catch (CryptographicException)
        {
            // ImportFromPem also takes a 'PUBLIC KEY': the certificate's own public key matches, but cannot sign.
            return $"{keyOption}: '{keyPath}' holds no PEM private key ({KeyForms}).";
        }

        return certificate is null ? $"{keyOption}: '{keyPath}' is neither an RSA nor an EC key." : null;
    }

    private static string? Read(string option, string path, out string text)
    {
        text = string.Empty;
        try
        {
            text = File.ReadAllText(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{option}: '{path}' could not be read: {e.Message}";
        }
    }

    /// <summary>The first EC or RSA private key of <paramref name="pem"/>, or null.</summary>
    private static AsymmetricAlgorithm? ImportKey(string pem)
    {
        foreach (var create in new Func<AsymmetricAlgorithm>[] { ECDsa.Create, RSA.Create })
        {
            var key = create();
            try
            {
                key.ImportFromPem(pem);
                return key;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                key.Dispose();
            }
        }

        return null;
    }
}
