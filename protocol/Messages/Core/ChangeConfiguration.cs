using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>ChangeConfiguration.req (OCPP 1.6 §6.9): the Central System sets a configuration key.</summary>
public sealed record ChangeConfigurationRequest : IOcppRequest<ChangeConfigurationRequest, ChangeConfigurationResponse>
{
    /// <inheritdoc/>
    public static string Action => "ChangeConfiguration";

    /// <summary>The name of the key to change.</summary>
    [CiString(50)]
    public required string Key { get; init; }

    /// <summary>The new value, as a string.</summary>
    [CiString(500)]
    public required string Value { get; init; }
}

/// <summary>ChangeConfiguration.conf (OCPP 1.6 §6.10).</summary>
public sealed record ChangeConfigurationResponse : IOcppResponse
{
    /// <summary>Whether the change was applied.</summary>
    public required ConfigurationStatus Status { get; init; }
}
