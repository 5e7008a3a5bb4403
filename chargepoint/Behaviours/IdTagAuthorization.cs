using OcppLab.ChargePoint.Authorization;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// Authorization of an IdTag (OCPP 1.6 §3.5, §4.1): the local list before the cache, LocalPreAuthorize
/// while online, LocalAuthorizeOffline and AllowOfflineTxForUnknownId while offline, Authorize.req otherwise;
/// ClearCache and the Local Auth List Management profile (§5.4, §5.10, §5.15).
/// </summary>
internal sealed class IdTagAuthorization(ChargePointContext context)
{
    private static readonly IdTagInfo Refused = new() { Status = AuthorizationStatus.Invalid };

    public AuthorizationCache Cache { get; } = new();

    public LocalAuthorizationList LocalList { get; } = new();

    private bool LocalListAvailable =>
        context.Template.Supports("LocalAuthListManagement") && context.Configuration.GetBool(Keys.LocalAuthListEnabled);

    /// <summary>Decides whether <paramref name="idTag"/> may charge, asking the Central System when needed.</summary>
    public async Task<IdTagInfo> AuthorizeAsync(string idTag)
    {
        var local = LocalInfo(idTag);
        if (context.Messages.IsOnline)
        {
            if (context.Configuration.GetBool(Keys.LocalPreAuthorize) && IsLocallyValid(local))
            {
                return local!; // OCTT TC_007, TC_008: start without Authorize.req
            }

            try
            {
                var response = await context.Messages.Send(new AuthorizeRequest { IdTag = idTag }, r => Learn(idTag, r.IdTagInfo));
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

        if (context.Configuration.GetBool(Keys.LocalAuthorizeOffline) && local is not null)
        {
            return IsLocallyValid(local) ? local : local with { Status = local.Status == AuthorizationStatus.Accepted ? AuthorizationStatus.Expired : local.Status };
        }

        if (local is null && context.Configuration.GetBool(Keys.AllowOfflineTxForUnknownId))
        {
            return new IdTagInfo { Status = AuthorizationStatus.Accepted };
        }

        return Refused;
    }

    /// <summary>Remembers what the Central System said about an IdTag, when the cache is enabled (OCPP 1.6 §3.5.2).</summary>
    public void Learn(string idTag, IdTagInfo info)
    {
        if (context.Configuration.GetBool(Keys.AuthorizationCacheEnabled))
        {
            Cache.Update(idTag, info);
        }
    }

    public ClearCacheResponse OnClearCache(ClearCacheRequest request)
    {
        _ = request;
        Cache.Clear();
        return new() { Status = ClearCacheStatus.Accepted };
    }

    public GetLocalListVersionResponse OnGetLocalListVersion(GetLocalListVersionRequest request)
    {
        _ = request;

        // -1 when the list is not available (OCTT TC_042_1), 0 when it is empty (TC_042_2).
        return new() { ListVersion = LocalListAvailable ? LocalList.Version : -1 };
    }

    public SendLocalListResponse OnSendLocalList(SendLocalListRequest request)
    {
        if (!LocalListAvailable)
        {
            return new() { Status = UpdateStatus.NotSupported }; // OCTT TC_043_1
        }

        if ((request.LocalAuthorizationList?.Count ?? 0) > context.Configuration.GetInt(Keys.SendLocalListMaxLength, 100))
        {
            return new() { Status = UpdateStatus.Failed };
        }

        return new()
        {
            Status = LocalList.Apply(request.UpdateType, request.ListVersion, request.LocalAuthorizationList, context.Configuration.GetInt(Keys.LocalAuthListMaxLength, 1000)),
        };
    }

    /// <summary>The IdTagInfo known locally, from the local list first, then the cache (OCPP 1.6 §3.5.3).</summary>
    private IdTagInfo? LocalInfo(string idTag)
    {
        if (LocalListAvailable && LocalList.Find(idTag) is { } listed)
        {
            return listed;
        }

        return context.Configuration.GetBool(Keys.AuthorizationCacheEnabled) ? Cache.Find(idTag) : null;
    }

    private bool IsLocallyValid(IdTagInfo? info) =>
        info is { Status: AuthorizationStatus.Accepted } && (info.ExpiryDate is null || info.ExpiryDate > context.Now);
}
