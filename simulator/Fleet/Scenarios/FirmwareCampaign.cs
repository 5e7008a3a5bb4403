namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// The firmware a campaign asks the Central System to roll out with UpdateFirmware (OCPP 1.6 §5.19): either a
/// <paramref name="File"/> the Central System serves (the fleet uploads an image of <paramref name="ImageBytes"/>
/// under that name first), or any <paramref name="Location"/> the charge points download from as it is.
/// </summary>
/// <param name="File">The name of the firmware file on the Central System's file service; null with <paramref name="Location"/>.</param>
/// <param name="Location">A firmware URI handed to the charge points; null with <paramref name="File"/>.</param>
/// <param name="ImageBytes">The size of the image uploaded for <paramref name="File"/>.</param>
public sealed record FirmwareCampaign(string? File, Uri? Location, int ImageBytes = FirmwareCampaign.DefaultImageBytes)
{
    /// <summary>64 KiB: enough to be a real transfer, small enough that thousands of downloads stay cheap.</summary>
    public const int DefaultImageBytes = 64 * 1024;
}
