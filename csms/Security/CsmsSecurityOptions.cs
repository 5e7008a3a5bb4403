namespace OcppLab.Csms.Security;

/// <summary>
/// The security settings, bound from the same <c>Csms</c> section as the rest of the Central System:
/// each station's profile and key under <c>Csms:ChargePoints[i]</c>, the rest under <c>Csms:Security</c>.
/// </summary>
public sealed class CsmsSecurityOptions
{
    /// <summary>Stations known in advance, as far as their security goes.</summary>
    public List<StationSecuritySeed> ChargePoints { get; set; } = [];

    /// <summary>Everything else: TLS, the CA, the operator API key.</summary>
    public SecuritySettings Security { get; set; } = new();
}

/// <summary>A station's configured security (Security Whitepaper ed. 3 §2: profiles 1 to 3).</summary>
public sealed class StationSecuritySeed
{
    /// <summary>The charge point identity.</summary>
    public string Id { get; set; } = "";

    /// <summary>The lowest profile the station may connect with: 0 (none), 1 (Basic), 2 (TLS + Basic), 3 (mutual TLS).</summary>
    public int? SecurityProfile { get; set; }

    /// <summary>The Basic password: 16 to 20 bytes, written as plain text or as its hex form (Security Whitepaper ed. 3 §7.1).</summary>
    public string? AuthorizationKey { get; set; }
}

/// <summary>The <c>Csms:Security</c> section.</summary>
public sealed class SecuritySettings
{
    /// <summary>The profile of a station without one of its own (0 = an open lab).</summary>
    public int DefaultSecurityProfile { get; set; }

    /// <summary>Refuse the upgrade of a station that is not in <c>Csms:ChargePoints</c> (registration required).</summary>
    public bool RefuseUnknownChargePoints { get; set; }

    /// <summary>The key the operator API asks for (header <see cref="OperatorApiKey.Header"/>) on any but a loopback address.</summary>
    public string? OperatorApiKey { get; set; }

    /// <summary>The wss:// listener, e.g. <c>https://0.0.0.0:8543</c>; empty = no TLS endpoint (unless <see cref="DemoTls"/>).</summary>
    public string? TlsUrl { get; set; }

    /// <summary>The host name the server certificate is issued for (its CN, TC_086).</summary>
    public string TlsHostName { get; set; } = "localhost";

    /// <summary>A PEM server certificate (with its chain) to use instead of one issued by the embedded CA.</summary>
    public string? ServerCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="ServerCertificatePath"/>.</summary>
    public string? ServerKeyPath { get; set; }

    /// <summary>The CA's PEM certificate; empty = a throwaway CA made at start.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The CA's PEM private key.</summary>
    public string? CaKeyPath { get; set; }

    /// <summary>Listen on wss:// with a throwaway CA and server certificate (the <c>--demo-tls</c> switch).</summary>
    public bool DemoTls { get; set; }

    /// <summary>Where <see cref="DemoTls"/> writes the throwaway CA certificate for stations to trust; empty = a temp folder.</summary>
    public string? DemoTlsFolder { get; set; }

    /// <summary>How long a certificate signed from a station's CSR is valid, in days.</summary>
    public int ChargePointCertificateDays { get; set; } = 365;
}
