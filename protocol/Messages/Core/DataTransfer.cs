using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>DataTransfer.req (OCPP 1.6 §6.15): vendor-specific data, outside the standard messages.</summary>
/// <remarks>
/// Either side may send it. The catalogue lists it once, as sent by the charge point; the Central System
/// sends the same payload types when it calls the charge point.
/// </remarks>
public sealed record DataTransferRequest : IOcppRequest<DataTransferRequest, DataTransferResponse>
{
    /// <inheritdoc/>
    public static string Action => "DataTransfer";

    /// <summary>Identifies the vendor-specific implementation.</summary>
    [CiString(255)]
    public required string VendorId { get; init; }

    /// <summary>A further, vendor-defined identification of the message.</summary>
    [CiString(50)]
    public string? MessageId { get; init; }

    /// <summary>The data, of any length and format.</summary>
    public string? Data { get; init; }
}

/// <summary>DataTransfer.conf (OCPP 1.6 §6.16).</summary>
public sealed record DataTransferResponse : IOcppResponse
{
    /// <summary>Whether the data was understood and its request accepted.</summary>
    public required DataTransferStatus Status { get; init; }

    /// <summary>Data in answer to the request, of any length and format.</summary>
    public string? Data { get; init; }
}
