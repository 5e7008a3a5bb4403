using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>
/// FirmwareStatusEnumType (Security Whitepaper ed. 3 §6.8): the progress of a signed firmware update. Named
/// SignedFirmwareStatus here because 1.6 already has a <see cref="FirmwareStatus"/> with fewer values.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignedFirmwareStatus>))]
public enum SignedFirmwareStatus
{
    /// <summary>Intermediate: the firmware has been downloaded.</summary>
    Downloaded,

    /// <summary>Failed end state: the download failed.</summary>
    DownloadFailed,

    /// <summary>Intermediate: the download is in progress.</summary>
    Downloading,

    /// <summary>Intermediate: the download is scheduled.</summary>
    DownloadScheduled,

    /// <summary>Intermediate: the download is paused.</summary>
    DownloadPaused,

    /// <summary>No firmware task is running; only sent when an ExtendedTriggerMessage asked for the status.</summary>
    Idle,

    /// <summary>Failed end state: the installation failed.</summary>
    InstallationFailed,

    /// <summary>Intermediate: the installation is in progress.</summary>
    Installing,

    /// <summary>Successful end state: the firmware is installed.</summary>
    Installed,

    /// <summary>Intermediate: about to reboot to activate the new firmware.</summary>
    InstallRebooting,

    /// <summary>Intermediate: the installation is scheduled for the requested installDateTime.</summary>
    InstallScheduled,

    /// <summary>Failed end state: verifying the new firmware failed, so it is not installed.</summary>
    InstallVerificationFailed,

    /// <summary>Failed end state: the firmware signature is not valid.</summary>
    InvalidSignature,

    /// <summary>Intermediate: the signature has been verified.</summary>
    SignatureVerified,
}
