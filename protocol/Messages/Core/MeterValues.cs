using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>MeterValues.req (OCPP 1.6 §6.31): the charge point reports sampled meter values.</summary>
public sealed record MeterValuesRequest : IOcppRequest<MeterValuesRequest, MeterValuesResponse>
{
    /// <inheritdoc/>
    public static string Action => "MeterValues";

    /// <summary>The connector measured, or 0 for the main meter.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The transaction the values belong to, if any.</summary>
    public int? TransactionId { get; init; }

    /// <summary>The sampled values with their timestamps, at least one.</summary>
    [MinItems(1)]
    public required IReadOnlyList<MeterValue> MeterValue { get; init; }
}

/// <summary>MeterValues.conf (OCPP 1.6 §6.32): no members.</summary>
public sealed record MeterValuesResponse : IOcppResponse;
