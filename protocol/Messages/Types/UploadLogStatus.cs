using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>UploadLogStatusEnumType (Security Whitepaper ed. 3 §6.19): the progress of a log upload.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UploadLogStatus>))]
public enum UploadLogStatus
{
    /// <summary>A malformed packet or another protocol incompatibility was met.</summary>
    BadMessage,

    /// <summary>No upload is running; only sent when an ExtendedTriggerMessage asked for the status.</summary>
    Idle,

    /// <summary>The server does not support the operation.</summary>
    NotSupportedOperation,

    /// <summary>The permissions do not allow the operation.</summary>
    PermissionDenied,

    /// <summary>The file was uploaded.</summary>
    Uploaded,

    /// <summary>The upload failed.</summary>
    UploadFailure,

    /// <summary>The upload is in progress.</summary>
    Uploading,
}
