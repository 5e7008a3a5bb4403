namespace OcppLab.Csms.Security;

/// <summary>What the Central System holds about one station's security.</summary>
/// <param name="Profile">The lowest profile the station may connect with (0 = none; Security Whitepaper ed. 3 §2).</param>
/// <param name="Key">Its Basic password, when it has one.</param>
/// <param name="PendingProfile">
/// A higher profile the station accepted through ChangeConfiguration(SecurityProfile) and has not yet connected
/// with; the first connection at that profile makes it the lowest one allowed (TC_083).
/// </param>
public sealed record StationSecurity(int Profile, AuthorizationKey? Key, int? PendingProfile = null);
