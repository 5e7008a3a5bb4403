using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>The Local Auth List Management profile (OCPP 1.6 §5.10, §5.15).</summary>
public sealed partial class VirtualChargePoint
{
    private bool LocalListAvailable => Template.Supports("LocalAuthListManagement") && Configuration.GetBool(Keys.LocalAuthListEnabled);

    private GetLocalListVersionResponse OnGetLocalListVersion(GetLocalListVersionRequest request)
    {
        _ = request;

        // -1 when the list is not available (OCTT TC_042_1), 0 when it is empty (TC_042_2).
        return new() { ListVersion = LocalListAvailable ? LocalList.Version : -1 };
    }

    private SendLocalListResponse OnSendLocalList(SendLocalListRequest request)
    {
        if (!LocalListAvailable)
        {
            return new() { Status = UpdateStatus.NotSupported }; // OCTT TC_043_1
        }

        if ((request.LocalAuthorizationList?.Count ?? 0) > Configuration.GetInt(Keys.SendLocalListMaxLength, 100))
        {
            return new() { Status = UpdateStatus.Failed };
        }

        return new()
        {
            Status = LocalList.Apply(request.UpdateType, request.ListVersion, request.LocalAuthorizationList, Configuration.GetInt(Keys.LocalAuthListMaxLength, 1000)),
        };
    }
}
