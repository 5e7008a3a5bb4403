namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// What the fleet asks of the Central System's operator when a scenario says so: a firmware campaign is the
/// Central System's doing (it sends UpdateFirmware), so the fleet goes through the Central System's own API.
/// </summary>
public interface ICentralSystemOperator
{
    /// <summary>Makes the campaign's firmware available (uploads the image of a <see cref="FirmwareCampaign.File"/>).</summary>
    Task PrepareAsync(FirmwareCampaign campaign, CancellationToken cancellationToken);

    /// <summary>Has the Central System send UpdateFirmware to <paramref name="chargePointId"/>; false when it could not (the reason is in the message).</summary>
    Task<(bool Sent, string? Problem)> UpdateFirmwareAsync(string chargePointId, FirmwareCampaign campaign, CancellationToken cancellationToken);
}
