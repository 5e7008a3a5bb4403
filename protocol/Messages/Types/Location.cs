using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>Location (OCPP 1.6 §7.30): where a sampled value was measured; Outlet when absent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Location>))]
public enum Location
{
    /// <summary>Inside the body of the charge point, e.g. a temperature.</summary>
    Body,

    /// <summary>On the cable between the vehicle and the charge point.</summary>
    Cable,

    /// <summary>Measured by the vehicle.</summary>
    EV,

    /// <summary>At the grid connection of the charge point.</summary>
    Inlet,

    /// <summary>At a connector (the default).</summary>
    Outlet,
}
