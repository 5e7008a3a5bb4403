using System.Net.Http.Json;

namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// The lab Central System's operator API (<c>/api</c>) as the fleet's <see cref="ICentralSystemOperator"/>: the image
/// goes to <c>PUT /api/firmware-files/{name}</c>, and each UpdateFirmware is <c>POST /api/charge-points/{id}/update-firmware</c>,
/// which answers once the station has answered (so a 200 means the UpdateFirmware.conf came back).
/// </summary>
public sealed class OperatorApiClient(Uri baseAddress, HttpClient http) : ICentralSystemOperator
{
    /// <inheritdoc/>
    public async Task PrepareAsync(FirmwareCampaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.File is not { } name)
        {
            return;
        }

        // A deterministic image, so that every shard uploads the same bytes under the same name.
        var image = new byte[campaign.ImageBytes];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (byte)(i * 31 + 7);
        }

        using var content = new ByteArrayContent(image);
        using var response = await http.PutAsync(new Uri(baseAddress, $"/api/firmware-files/{Uri.EscapeDataString(name)}"), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the Central System refused the firmware image '{name}': HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <inheritdoc/>
    public async Task<(bool Sent, string? Problem)> UpdateFirmwareAsync(string chargePointId, FirmwareCampaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        // The operator API takes firmware or location, and refuses a member set to null.
        var body = campaign.File is { } file
            ? new Dictionary<string, string> { ["firmware"] = file }
            : new Dictionary<string, string> { ["location"] = campaign.Location!.ToString() };
        using var response = await http.PostAsJsonAsync(new Uri(baseAddress, $"/api/charge-points/{Uri.EscapeDataString(chargePointId)}/update-firmware"), body, cancellationToken);
        return response.IsSuccessStatusCode ? (true, null) : (false, $"HTTP {(int)response.StatusCode}");
    }
}
