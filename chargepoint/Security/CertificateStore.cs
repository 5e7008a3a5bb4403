using System.Security.Cryptography.X509Certificates;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Security;

namespace OcppLab.ChargePoint.Security;

/// <summary>What an install attempt came to.</summary>
public enum InstallOutcome
{
    /// <summary>Installed, or already there.</summary>
    Installed,

    /// <summary>Not a valid root certificate.</summary>
    Invalid,

    /// <summary>The store is full (CertificateStoreMaxLength).</summary>
    StoreFull,
}

/// <summary>
/// The charge point's certificate storage (Security Whitepaper §3.4): root certificates by use
/// (CentralSystemRootCertificate, ManufacturerRootCertificate), and the charge point certificate with its
/// private key (§3.2). Survives reboots, as the rest of the configuration does.
/// </summary>
public sealed class CertificateStore : IDisposable
{
    private readonly List<(CertificateUse Use, X509Certificate2 Certificate)> roots = [];
    private readonly Lock sync = new();
    private X509Certificate2? chargePointCertificate;
    private IReadOnlyList<X509Certificate2> chargePointIntermediates = [];

    /// <summary>The root certificates installed for <paramref name="use"/>.</summary>
    public IReadOnlyList<X509Certificate2> Roots(CertificateUse use)
    {
        lock (sync)
        {
            return [.. roots.Where(r => r.Use == use).Select(r => r.Certificate)];
        }
    }

    /// <summary>How many root certificates are installed.</summary>
    public int Count
    {
        get
        {
            lock (sync)
            {
                return roots.Count;
            }
        }
    }

    /// <summary>The charge point certificate (with its private key) used for TLS on profile 3, or null.</summary>
    public X509Certificate2? ChargePointCertificate
    {
        get
        {
            lock (sync)
            {
                return chargePointCertificate;
            }
        }
    }

    /// <summary>The intermediate CA certificates between the charge point certificate and its root, sent with it in the TLS handshake.</summary>
    public IReadOnlyList<X509Certificate2> ChargePointIntermediates
    {
        get
        {
            lock (sync)
            {
                return chargePointIntermediates;
            }
        }
    }

    /// <summary>Installs a root certificate for <paramref name="use"/>, at most <paramref name="maxLength"/> in all.</summary>
    public InstallOutcome Install(CertificateUse use, X509Certificate2 certificate, DateTimeOffset now, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!CertificateChecks.IsValidRoot(certificate, now))
        {
            return InstallOutcome.Invalid;
        }

        lock (sync)
        {
            if (roots.Any(r => r.Use == use && r.Certificate.RawData.AsSpan().SequenceEqual(certificate.RawData)))
            {
                return InstallOutcome.Installed;
            }

            if (roots.Count >= maxLength)
            {
                return InstallOutcome.StoreFull;
            }

            roots.Add((use, certificate));
            return InstallOutcome.Installed;
        }
    }

    /// <summary>The hash data of every root for <paramref name="use"/>.</summary>
    public IReadOnlyList<CertificateHashData> HashData(CertificateUse use, HashAlgorithm algorithm) =>
        [.. Roots(use).Select(c => CertificateHashes.For(c, algorithm))];

    /// <summary>Removes the root named by <paramref name="data"/>; false when none matches.</summary>
    public bool Delete(CertificateHashData data)
    {
        X509Certificate2? removed = null;
        lock (sync)
        {
            var index = roots.FindIndex(r => CertificateHashes.Matches(r.Certificate, data));
            if (index >= 0)
            {
                removed = roots[index].Certificate;
                roots.RemoveAt(index);
            }
        }

        removed?.Dispose();
        return removed is not null;
    }

    /// <summary>Replaces the charge point certificate and its intermediates (both taken over).</summary>
    public void SetChargePointCertificate(X509Certificate2 certificate, IReadOnlyList<X509Certificate2>? intermediates = null)
    {
        X509Certificate2? old;
        IReadOnlyList<X509Certificate2> oldIntermediates;
        lock (sync)
        {
            old = chargePointCertificate;
            oldIntermediates = chargePointIntermediates;
            chargePointCertificate = certificate;
            chargePointIntermediates = intermediates ?? [];
        }

        old?.Dispose();
        foreach (var intermediate in oldIntermediates)
        {
            intermediate.Dispose();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (sync)
        {
            foreach (var (_, certificate) in roots)
            {
                certificate.Dispose();
            }

            roots.Clear();
            chargePointCertificate?.Dispose();
            chargePointCertificate = null;
            foreach (var intermediate in chargePointIntermediates)
            {
                intermediate.Dispose();
            }

            chargePointIntermediates = [];
        }
    }
}
