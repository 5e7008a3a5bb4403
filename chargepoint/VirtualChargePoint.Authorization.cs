using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// Authorization of an IdTag (OCPP 1.6 §3.5, §4.1): the local list before the cache, LocalPreAuthorize
/// while online, LocalAuthorizeOffline and AllowOfflineTxForUnknownId while offline, Authorize.req otherwise.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private static readonly IdTagInfo Refused = new() { Status = AuthorizationStatus.Invalid };

    /// <summary>The IdTagInfo known locally, from the local list first, then the cache (OCPP 1.6 §3.5.3).</summary>
    private IdTagInfo? LocalInfo(string idTag)
    {
        if (Template.Supports("LocalAuthListManagement") && Configuration.GetBool(Keys.LocalAuthListEnabled)
            && LocalList.Find(idTag) is { } listed)
        {
            return listed;
        }

        return Configuration.GetBool(Keys.AuthorizationCacheEnabled) ? AuthorizationCache.Find(idTag) : null;
    }

    private bool IsLocallyValid(IdTagInfo? info) =>
        info is { Status: AuthorizationStatus.Accepted } && (info.ExpiryDate is null || info.ExpiryDate > Now);

    private void Learn(string idTag, IdTagInfo info)
    {
        if (Configuration.GetBool(Keys.AuthorizationCacheEnabled))
        {
            AuthorizationCache.Update(idTag, info);
        }
    }

    /// <summary>Decides whether <paramref name="idTag"/> may charge, asking the Central System when needed.</summary>
    private async Task<IdTagInfo> AuthorizeIdTagAsync(string idTag)
    {
        var local = LocalInfo(idTag);
        bool online;
        online = IsOnline;

        if (online)
        {
            if (Configuration.GetBool(Keys.LocalPreAuthorize) && IsLocallyValid(local))
            {
                return local!; // OCTT TC_007, TC_008: start without Authorize.req
            }

            try
            {
                var response = await Send(new AuthorizeRequest { IdTag = idTag }, r => Learn(idTag, r.IdTagInfo));
                return response.IdTagInfo;
            }
            catch (Exception e) when (e is OcppDisconnectedException or OcppCallTimeoutException)
            {
                // Fall through to the offline rules.
            }
            catch (Exception e) when (e is OcppCallErrorException or OcppInvalidResponseException)
            {
                return Refused;
            }
        }

        if (Configuration.GetBool(Keys.LocalAuthorizeOffline) && local is not null)
        {
            return IsLocallyValid(local) ? local : local with { Status = local.Status == AuthorizationStatus.Accepted ? AuthorizationStatus.Expired : local.Status };
        }

        if (local is null && Configuration.GetBool(Keys.AllowOfflineTxForUnknownId))
        {
            return new IdTagInfo { Status = AuthorizationStatus.Accepted };
        }

        return Refused;
    }
}
