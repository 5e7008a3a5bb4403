using System.Globalization;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// GetConfiguration and ChangeConfiguration (OCPP 1.6 §5.3, §5.8), with what changing the security keys does
/// (Security Whitepaper §2.3, §2.4), and DataTransfer (§5.6).
/// </summary>
internal sealed class ConfigurationRequests(ChargePointContext context, SecurityEvents security, CertificateStore certificates, Action reconnect)
{
    /// <summary>The HTTP Basic authentication password: the AuthorizationKey, or null when none is set.</summary>
    public string? BasicAuthPassword => context.Configuration.Get(Keys.AuthorizationKey) is { Length: > 0 } key ? key : null;

    public GetConfigurationResponse OnGetConfiguration(GetConfigurationRequest request)
    {
        var (known, unknown) = context.Configuration.Read(request.Key is { } keys ? [.. keys] : null);
        return new() { ConfigurationKey = known, UnknownKey = unknown.Count > 0 ? unknown : null };
    }

    public ChangeConfigurationResponse OnChangeConfiguration(ChangeConfigurationRequest request)
    {
        if (string.Equals(request.Key, Keys.SecurityProfile, StringComparison.OrdinalIgnoreCase))
        {
            return new() { Status = ChangeSecurityProfile(request.Value) };
        }

        var status = context.Configuration.Change(request.Key, request.Value);
        if (status == ConfigurationStatus.Accepted && string.Equals(request.Key, Keys.AuthorizationKey, StringComparison.OrdinalIgnoreCase))
        {
            // §2.3: the new password is used from the next connection; close and reconnect once the change is confirmed (OCTT TC_073).
            security.Log(SecurityEventType.ReconfigurationOfSecurityParameters, "AuthorizationKey changed");
            context.AfterResponse(reconnect);
        }

        return new() { Status = status };
    }

    public DataTransferResponse OnDataTransfer(DataTransferRequest request) =>
        new()
        {
            // No vendor extensions: our own vendor id knows no message ids (OCTT TC_062).
            Status = string.Equals(request.VendorId, context.Template.Vendor, StringComparison.Ordinal)
                ? DataTransferStatus.UnknownMessageId
                : DataTransferStatus.UnknownVendorId,
        };

    /// <summary>
    /// §2.4: the profile may only go up (a downgrade is Rejected, OCTT TC_084), and only to a profile the charge
    /// point can use: 2 and 3 need a CentralSystemRootCertificate, 3 also a charge point certificate. After an
    /// accepted upgrade the charge point reconnects with the new profile (OCTT TC_083).
    /// </summary>
    private ConfigurationStatus ChangeSecurityProfile(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) || wanted is < 0 or > 3)
        {
            return ConfigurationStatus.Rejected;
        }

        var currentProfile = security.SecurityProfile;
        if (wanted < currentProfile)
        {
            return ConfigurationStatus.Rejected;
        }

        if (wanted == currentProfile)
        {
            return ConfigurationStatus.Accepted;
        }

        var hasRoot = certificates.Roots(CertificateUse.CentralSystemRootCertificate).Count > 0;
        if ((wanted >= 2 && !hasRoot) || (wanted == 3 && certificates.ChargePointCertificate is null) || (wanted is 1 or 2 && BasicAuthPassword is null))
        {
            return ConfigurationStatus.Rejected;
        }

        context.Configuration.Set(Keys.SecurityProfile, wanted.ToString(CultureInfo.InvariantCulture));
        security.Log(SecurityEventType.ReconfigurationOfSecurityParameters, $"SecurityProfile {currentProfile} to {wanted}");
        context.AfterResponse(reconnect);
        return ConfigurationStatus.Accepted;
    }
}
