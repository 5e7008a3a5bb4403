namespace OcppLab.Csms.Security;

/// <summary>Each station's security profile and key.</summary>
public interface IStationSecurityStore
{
    /// <summary>The station's security; null when it has none configured (the default profile applies).</summary>
    StationSecurity? Find(string chargePointId);

    /// <summary>Sets the station's security outright (configuration, operator API).</summary>
    void Set(string chargePointId, StationSecurity security);

    /// <summary>Changes the station's security from what it is now.</summary>
    StationSecurity Update(string chargePointId, Func<StationSecurity, StationSecurity> change);

    /// <summary>Every station with security of its own.</summary>
    IReadOnlyDictionary<string, StationSecurity> All();
}
