using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>FirmwareStatus (OCPP 1.6 §7.25): the progress of a firmware update started by UpdateFirmware.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FirmwareStatus>))]
public enum FirmwareStatus
{
    /// <summary>The new firmware has been downloaded.</summary>
    Downloaded,

    /// <summary>The download failed.</summary>
    DownloadFailed,

    /// <summary>The download is in progress.</summary>
    Downloading,

    /// <summary>No firmware task is running; only sent when a TriggerMessage asked for the status.</summary>
    Idle,

    /// <summary>The installation failed.</summary>
    InstallationFailed,

    /// <summary>The installation is in progress.</summary>
    Installing,

    /// <summary>The new firmware is installed.</summary>
    Installed,
}
