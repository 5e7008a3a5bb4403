using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>FirmwareType (Security Whitepaper ed. 3 §6.9): a signed firmware image to load on the charge point.</summary>
public sealed record Firmware
{
    /// <summary>URI the firmware is downloaded from.</summary>
    [MaxLength(512)]
    public required string Location { get; init; }

    /// <summary>When the firmware is to be downloaded.</summary>
    public required DateTimeOffset RetrieveDateTime { get; init; }

    /// <summary>When the firmware is to be installed; as soon as possible when absent.</summary>
    public DateTimeOffset? InstallDateTime { get; init; }

    /// <summary>The PEM-encoded X.509 certificate the firmware was signed with.</summary>
    [MaxLength(5500)]
    public required string SigningCertificate { get; init; }

    /// <summary>The firmware signature, Base64 encoded.</summary>
    [MaxLength(800)]
    public required string Signature { get; init; }
}
