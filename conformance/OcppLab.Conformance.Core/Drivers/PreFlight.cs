using System.Globalization;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Checks the set-up against the target once, before the first Central System case: the declared profiles,
/// a connection at the declared security profile, BootNotification Accepted, the valid id tag Accepted and
/// the operator contract reachable. A wrong set-up gives one message naming the setting to fix, instead of
/// two dozen failing cases.
/// </summary>
public static class PreFlight
{
    /// <summary>Null when the set-up is right; else what is wrong and which setting fixes it.</summary>
    public static async Task<string?> CheckAsync(LabSettings settings, CsmsTarget target, Measurements measurements)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Declarations(settings) is { } wrong)
        {
            return wrong;
        }

        var scenario = new ScenarioContext(new ScenarioDefinition("pre-flight", "pre-flight", "pre-flight", null, [], [], 0, []));
        using var certificates = new LabCertificates(settings);
        await using var chargePoint = new LabChargePoint(scenario, settings, target, measurements, new ScriptedAnswers(), certificates);
        var messages = new ChargePointMessages(chargePoint, settings, new LabValues(settings, chargePoint, certificates), certificates);
        try
        {
            await chargePoint.ConnectAsync();
        }
        catch (AssertionException e)
        {
            var status = chargePoint.LastAttempt?.RefusedWithStatus;
            return status switch
            {
                401 => $"The CSMS refused {chargePoint.Id} at security profile {chargePoint.SecurityProfile} with HTTP 401: set {Env(nameof(LabSettings.BasicAuthPassword))} to the station's password in the CSMS ({e.Message}).",
                403 or 404 => $"The CSMS refused {chargePoint.Id} with HTTP {status}: register {Env(nameof(LabSettings.ChargePointId))} in the CSMS at security profile {chargePoint.SecurityProfile}, or set {Env(nameof(LabSettings.CurrentSecurityProfile))} / {Env(nameof(LabSettings.SecurityProfiles))} to the profile it has there ({e.Message}).",
                _ => $"The lab could not connect {chargePoint.Id} to the CSMS: check {Env(chargePoint.SecurityProfile >= 2 ? nameof(LabSettings.CsmsTlsUrl) : nameof(LabSettings.CsmsUrl))} ({e.Message}).",
            };
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or System.Security.Cryptography.CryptographicException or IOException)
        {
            return $"The lab could not connect {chargePoint.Id} at security profile {chargePoint.SecurityProfile}: {e.Message} (check {Env(nameof(LabSettings.CsmsUrl))}, {Env(nameof(LabSettings.CsmsTlsUrl))}, {Env(nameof(LabSettings.ClientCertificateFile))}).";
        }

        try
        {
            var boot = await messages.BootNotificationAsync();
            var status = boot.Payload.TryGetProperty("status", out var s) ? s.GetString() : null;
            if (status != "Accepted")
            {
                return $"The CSMS answered BootNotification of {chargePoint.Id} with {status ?? "no status"}: register {Env(nameof(LabSettings.ChargePointId))} as Accepted in the CSMS.";
            }

            var authorize = await messages.AuthorizeAsync("valid");
            var tagStatus = Expect.IdTagInfo(authorize)?["status"]?.GetValue<string>();
            if (tagStatus != "Accepted")
            {
                return $"The CSMS answered Authorize of {settings.ValidIdTag} with {tagStatus ?? "no status"}: set {Env(nameof(LabSettings.ValidIdTag))} to an id tag the CSMS accepts.";
            }
        }
        catch (AssertionException e)
        {
            return $"The CSMS did not answer the pre-flight's BootNotification and Authorize as OCPP 1.6 requires: {e.Message}";
        }

        return await OperatorReachable(settings, target);
    }

    private static string? Declarations(LabSettings settings)
    {
        var unknown = settings.Profiles.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !LabSettings.AllProfiles.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            return $"{Env(nameof(LabSettings.Profiles))}: '{string.Join(", ", unknown)}' is no feature profile; allowed: {string.Join(", ", LabSettings.AllProfiles)}.";
        }

        IReadOnlyList<int> declared;
        try
        {
            declared = settings.DeclaredSecurityProfiles;
        }
        catch (FormatException)
        {
            return $"{Env(nameof(LabSettings.SecurityProfiles))}: '{settings.SecurityProfiles}' is not a list of security profiles (1, 2, 3), e.g. 1 or 2,3.";
        }

        if (declared.FirstOrDefault(p => p is < 1 or > 3) is var bad and not 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Env(nameof(LabSettings.SecurityProfiles))}: {bad} is no security profile; allowed: 1, 2, 3.");
        }

        if (declared.Count > 0 && !declared.Contains(settings.CurrentSecurityProfile))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Env(nameof(LabSettings.CurrentSecurityProfile))}: {settings.CurrentSecurityProfile} is not among the declared security profiles ({settings.SecurityProfiles}).");
        }

        if (!settings.TargetsEmbeddedCsms && settings.ConnectionSecurityProfile >= 2 && settings.CsmsTlsUrl.Length == 0)
        {
            return $"Security profile {settings.ConnectionSecurityProfile} connects over TLS: set {Env(nameof(LabSettings.CsmsTlsUrl))} (wss://host:port/path/).";
        }

        if (!settings.TargetsEmbeddedCsms && settings.ConnectionSecurityProfile == 3 && settings.ClientCertificateFile.Length == 0)
        {
            return $"Security profile 3 needs the charge point's client certificate: set {Env(nameof(LabSettings.ClientCertificateFile))} (and {Env(nameof(LabSettings.ClientKeyFile))}).";
        }

        return null;
    }

    private static async Task<string?> OperatorReachable(LabSettings settings, CsmsTarget target)
    {
        if (target.Operator is not { } client)
        {
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(settings.OperatorTimeout);
            using var response = await client.GetAsync(new Uri(OperatorClient.ContractPath, UriKind.Relative), timeout.Token);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return $"The operator contract at {client.BaseAddress} does not answer ({e.Message}): check {Env(nameof(LabSettings.OperatorUrl))}.";
        }
    }

    private static string Env(string setting) => LabSettings.EnvironmentName(setting);
}
