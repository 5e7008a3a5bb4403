using System.Globalization;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Security;

/// <summary>
/// The answer route for ChangeConfiguration, whoever sent it (a typed operator endpoint or the generic relay):
/// AuthorizationKey answered Accepted installs the new key (Security Whitepaper ed. 3 §7.1, TC_073); SecurityProfile
/// answered Accepted opens the higher profile for the next connection (§2.2, TC_083). Other keys are not ours.
/// </summary>
public sealed class SecurityChangeAnswers(IStationSecurityStore store, ILogger<SecurityChangeAnswers> logger)
    : IOcppAnswerHandler<ChargePointSession, ChangeConfigurationRequest, ChangeConfigurationResponse>
{
    private const string AuthorizationKeyName = "AuthorizationKey";
    private const string SecurityProfileName = "SecurityProfile";

    /// <inheritdoc/>
    public ValueTask OnAnswerAsync(ChargePointSession station, ChangeConfigurationRequest request, ChangeConfigurationResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != ConfigurationStatus.Accepted)
        {
            return ValueTask.CompletedTask;
        }

        if (request.Key == AuthorizationKeyName)
        {
            if (AuthorizationKey.TryParse(request.Value, out var key, out var problem))
            {
                store.Update(station.Id, s => s with { Key = key });
                SecurityLog.KeyChanged(logger, station.Id);
            }
            else
            {
                SecurityLog.UnusableChange(logger, station.Id, problem!);
            }
        }
        else if (request.Key == SecurityProfileName)
        {
            if (int.TryParse(request.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var profile) && profile is >= 0 and <= 3)
            {
                // Security Whitepaper ed. 3 §2.2: a profile is only ever raised; it takes effect with the first connection at it.
                store.Update(station.Id, s => profile > s.Profile ? s with { PendingProfile = profile } : s);
            }
            else
            {
                SecurityLog.UnusableChange(logger, station.Id, $"SecurityProfile '{request.Value}' is not 0 to 3.");
            }
        }

        return ValueTask.CompletedTask;
    }
}
