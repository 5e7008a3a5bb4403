using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Observability;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Tests.Support;

/// <summary>Operator API calls and frame waits for tests.</summary>
public static class Api
{
    /// <summary>POSTs <paramref name="json"/> and returns the status and the JSON body (or an empty element).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string path, string json = "{}")
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>GETs <paramref name="path"/> and returns the status and the JSON body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>DELETEs <paramref name="path"/> and returns the status and the JSON body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> DeleteAsync(HttpClient http, string path)
    {
        using var response = await http.DeleteAsync(path);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>Sends <paramref name="json"/> (if any) with <paramref name="method"/> and returns the status, the JSON body (or an empty element) and its media type.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await BodyAsync(response), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Waits (real time, at most 10 s) until the Central System has received the answer to its <paramref name="action"/> CALL.</summary>
    public static async Task WaitForAnswerAsync(CsmsFactory csms, string action)
    {
        var hub = csms.Services.GetRequiredService<FrameEventHub>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!hub.Recent.Any(f => f.Direction == FrameDirection.In && f.TypeId == MessageTypeId.CallResult && f.Action == action))
        {
            await Task.Delay(5, deadline.Token);
        }
    }

    /// <summary>The text of a problem's detail.</summary>
    public static string Detail(JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : problem.ToString();

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
