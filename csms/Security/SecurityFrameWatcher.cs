using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Rpc;
using OcppLab.Protocol.Security;

namespace OcppLab.Csms.Security;

/// <summary>
/// Follows one connection's frames for the exchanges that change the station's security, whoever sent the
/// CALL (the operator API's generic call included):
/// ChangeConfiguration(AuthorizationKey) answered Accepted installs the new key (Security Whitepaper ed. 3
/// §7.1, TC_073); ChangeConfiguration(SecurityProfile) answered Accepted opens the higher profile (§2.2, TC_083);
/// the SignCertificate.conf going out lets the signed certificate follow it (§3.3.1).
/// </summary>
internal sealed class SecurityFrameWatcher(
    string chargePointId,
    IFrameObserver inner,
    IStationSecurityStore store,
    CertificateSigningQueue signed,
    SecurityChangesInFlight inFlight,
    SecurityRecordStore records,
    ChargePointRegistry registry,
    TimeProvider time,
    ILogger logger) : IFrameObserver
{
    private const string AuthorizationKeyName = "AuthorizationKey";
    private const string SecurityProfileName = "SecurityProfile";

    private readonly ConcurrentDictionary<string, (string Key, string Value)> changes = new(StringComparer.Ordinal);

    public void OnFrame(FrameEvent frame)
    {
        inner.OnFrame(frame);
        if (frame.MessageId is not { } messageId || frame.Fault is not null)
        {
            return;
        }

        switch (frame.Direction, frame.TypeId)
        {
            case (FrameDirection.Out, MessageTypeId.Call) when frame.Action == "ChangeConfiguration":
                if (Payload(frame, 3) is { } request
                    && request.TryGetProperty("key", out var key) && key.GetString() is AuthorizationKeyName or SecurityProfileName
                    && request.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    changes[messageId] = (key.GetString()!, value.GetString()!);
                    inFlight.Sent(chargePointId, messageId);
                }

                break;
            case (FrameDirection.In, MessageTypeId.CallResult) when changes.TryRemove(messageId, out var change):
                if (Payload(frame, 2) is { } answer && answer.TryGetProperty("status", out var status) && status.GetString() == "Accepted")
                {
                    Apply(change.Key, change.Value);
                }

                inFlight.Settled(chargePointId, messageId);

                break;
            case (FrameDirection.In, MessageTypeId.CallError):
                if (changes.TryRemove(messageId, out _))
                {
                    inFlight.Settled(chargePointId, messageId);
                }

                break;
            case (FrameDirection.Out, MessageTypeId.CallResult) when frame.Action == SignCertificateRequest.Action && signed.TryTake(chargePointId, out var chain):
                _ = SendCertificateAsync(chain!);
                break;
        }
    }

    private void Apply(string key, string value)
    {
        if (key == AuthorizationKeyName)
        {
            if (AuthorizationKey.TryParse(value, out var parsed, out var problem))
            {
                store.Update(chargePointId, s => s with { Key = parsed });
                SecurityLog.KeyChanged(logger, chargePointId);
            }
            else
            {
                SecurityLog.UnusableChange(logger, chargePointId, problem!);
            }

            return;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var profile) && profile is >= 0 and <= 3)
        {
            // Security Whitepaper ed. 3 §2.2: a profile is only ever raised; it takes effect with the first connection at it.
            store.Update(chargePointId, s => profile > s.Profile ? s with { PendingProfile = profile } : s);
        }
        else
        {
            SecurityLog.UnusableChange(logger, chargePointId, $"SecurityProfile '{value}' is not 0 to 3.");
        }
    }

    private async Task SendCertificateAsync(string chain)
    {
        var station = registry.Find(chargePointId);
        if (station?.Connection is not { } connection)
        {
            return;
        }

        using var certificate = X509Certificate2.CreateFromPem(chain);
        var record = new CertificateSignedRecord(
            CertificateHashes.SerialNumber(certificate),
            CertificateAuthority.CommonName(certificate.SubjectName) ?? "",
            time.GetUtcNow(),
            null);
        try
        {
            await Task.Yield();
            var answer = await connection.CallAsync(new CertificateSignedRequest { CertificateChain = chain });
            records.For(chargePointId).Add(record with { Status = answer.Status.ToString() });
            SecurityLog.CertificateSignedAnswered(logger, chargePointId, answer.Status.ToString());
        }
        catch (Exception e) when (e is OcppCallTimeoutException or OcppDisconnectedException or OcppCallErrorException or OcppInvalidResponseException or InvalidOperationException)
        {
            records.For(chargePointId).Add(record with { Status = "NoAnswer" });
            SecurityLog.CertificateSignedFailed(logger, e, chargePointId);
        }
    }

    private static JsonElement? Payload(FrameEvent frame, int index)
    {
        try
        {
            using var document = JsonDocument.Parse(frame.Frame);
            return document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > index
                ? document.RootElement[index].Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
