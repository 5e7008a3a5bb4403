using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>DiagnosticsStatus (OCPP 1.6 §7.24): the progress of a diagnostics upload.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiagnosticsStatus>))]
public enum DiagnosticsStatus
{
    /// <summary>No diagnostics task is running; only sent when a TriggerMessage asked for the status.</summary>
    Idle,

    /// <summary>The diagnostics file was uploaded.</summary>
    Uploaded,

    /// <summary>The upload failed.</summary>
    UploadFailed,

    /// <summary>The upload is in progress.</summary>
    Uploading,
}
