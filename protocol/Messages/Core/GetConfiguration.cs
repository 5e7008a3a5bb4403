using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>GetConfiguration.req (OCPP 1.6 §6.23): the Central System reads configuration keys.</summary>
public sealed record GetConfigurationRequest : IOcppRequest<GetConfigurationRequest, GetConfigurationResponse>
{
    /// <inheritdoc/>
    public static string Action => "GetConfiguration";

    /// <summary>The keys to read; every key when absent.</summary>
    [CiString(50)]
    public IReadOnlyList<string>? Key { get; init; }
}

/// <summary>GetConfiguration.conf (OCPP 1.6 §6.24).</summary>
public sealed record GetConfigurationResponse : IOcppResponse
{
    /// <summary>The requested keys that are known, with their values.</summary>
    public IReadOnlyList<KeyValue>? ConfigurationKey { get; init; }

    /// <summary>The requested keys that are not known.</summary>
    [CiString(50)]
    public IReadOnlyList<string>? UnknownKey { get; init; }
}
