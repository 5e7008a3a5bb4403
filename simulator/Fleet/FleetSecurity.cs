using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;

namespace OcppLab.Simulator.Fleet;

/// <summary>The security profile every charge point of a fleet starts on, and what it needs for it (Security Whitepaper §2).</summary>
public sealed record FleetSecurity
{
    /// <summary>The SecurityProfile, 0 to 3; null for 1 when the plan has a password and 0 when it has none.</summary>
    public int? Profile { get; init; }

    /// <summary>Installed on every charge point as CentralSystemRootCertificates (§3.4); empty = the system trust store on TLS.</summary>
    public IReadOnlyList<X509Certificate2> CentralSystemRoots { get; init; } = [];

    /// <summary>Issues each charge point its certificate for profile 3 (§2.5) as it powers on; null on the other profiles.</summary>
    public ChargePointCertificateIssuer? ClientCertificates { get; init; }
}
