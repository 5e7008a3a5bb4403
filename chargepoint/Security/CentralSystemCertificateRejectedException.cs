namespace OcppLab.ChargePoint.Security;

/// <summary>
/// A TLS handshake refused because the Central System's certificate failed the charge point's check (Security
/// Whitepaper §2.4). Thrown from a certificate validation callback that cannot tell which charge point it checks
/// for, so that the reason travels with the failed connection attempt to the one that made it.
/// </summary>
public sealed class CentralSystemCertificateRejectedException : Exception
{
    /// <summary>Creates the exception without a reason.</summary>
    public CentralSystemCertificateRejectedException()
        : this("the server certificate was refused")
    {
    }

    /// <summary>Creates the exception with the reason as its message.</summary>
    public CentralSystemCertificateRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the failure behind it.</summary>
    public CentralSystemCertificateRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The first of these in <paramref name="exception"/> and its inner exceptions, or null.</summary>
    public static CentralSystemCertificateRejectedException? In(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is CentralSystemCertificateRejectedException rejected)
            {
                return rejected;
            }
        }

        return null;
    }
}
