using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>DataTransferStatus (OCPP 1.6 §7.23): the answer to a DataTransfer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataTransferStatus>))]
public enum DataTransferStatus
{
    /// <summary>The message was understood and its request accepted.</summary>
    Accepted,

    /// <summary>The message was understood but its request refused.</summary>
    Rejected,

    /// <summary>The messageId is not known to the receiver.</summary>
    UnknownMessageId,

    /// <summary>The vendorId is not known to the receiver.</summary>
    UnknownVendorId,
}
