using System.Net.Http.Json;
using System.Text.Json;

namespace OcppLab.Csms.Tests.Support;

/// <summary>Reads the operator API's read models in tests.</summary>
public static class ReadModel
{
    /// <summary>Polls <c>GET /api/charge-points/{id}</c> until <paramref name="condition"/> holds (at most ~10 s of real time).</summary>
    public static async Task<JsonElement> WaitUntilAsync(HttpClient http, string chargePointId, Func<JsonElement, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var station = await http.GetFromJsonAsync<JsonElement>($"/api/charge-points/{chargePointId}", deadline.Token);
            if (condition(station))
            {
                return station;
            }

            await Task.Delay(10, deadline.Token);
        }
    }
}
