using System.Text.Json;
using System.Text.Json.Nodes;
using OcppLab.Conformance.Drivers.CentralSystem;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions.ChargePoint;

/// <summary>
/// The security cases of the charge-point section (TC_073..TC_087, OCPP 1.6 Security white paper): the lab's
/// certificates and firmware signature, and checks on how the charge point connects.
/// </summary>
[Binding]
public sealed class ChargePointSecuritySteps(LabCentralSystem lab, LabCertificates certificates)
{
    [When("^the Central System sends InstallCertificate with the lab's (\\w+)$")]
    public Task Install(string certificateType) =>
        lab.SendAsync("InstallCertificate", new JsonObject { ["certificateType"] = certificateType, ["certificate"] = certificates.RootCertificatePem });

    [When("^the Central System sends DeleteCertificate for the lab's CentralSystemRootCertificate$")]
    public Task Delete() =>
        lab.SendAsync("DeleteCertificate", new JsonObject { ["certificateHashData"] = certificates.HashData(HashAlgorithmUsed()) });

    [Then("^the answer lists the hash data of the lab's \\w+$")]
    public void Lists()
    {
        if (!Listed())
        {
            throw new AssertionException($"GetInstalledCertificateIds.conf does not list the lab's certificate {certificates.HashData(HashAlgorithmUsed()).ToJsonString()}.");
        }
    }

    [Then("^the answer does not list the hash data of the lab's \\w+$")]
    public void DoesNotList()
    {
        if (Listed())
        {
            throw new AssertionException("GetInstalledCertificateIds.conf still lists the deleted certificate.");
        }
    }

    [When("^the Central System signs the CSR and sends CertificateSigned$")]
    public Task Signed() => lab.SendAsync("CertificateSigned", new JsonObject { ["certificateChain"] = certificates.RootCertificatePem });

    [When("^the Central System sends SignedUpdateFirmware with the lab's signed firmware( and a wrong signature)?$")]
    public Task SignedFirmware(string? wrong) => lab.SendAsync("SignedUpdateFirmware", new JsonObject
    {
        ["requestId"] = 1,
        ["firmware"] = new JsonObject
        {
            ["location"] = lab.Data.FirmwareUrl,
            ["retrieveDateTime"] = lab.Resolve("<now>"),
            ["signingCertificate"] = certificates.FirmwareSigningCertificatePem,
            ["signature"] = string.IsNullOrEmpty(wrong) ? "c2lnbmF0dXJl" : "d3Jvbmc=",
        },
    });

    [Then("^the Charge Point uses the Basic-auth password (\\S+)$")]
    public void Password(string expected)
    {
        if (lab.ChargePoint.BasicAuthPassword != expected)
        {
            throw new AssertionException($"The Charge Point's Basic-auth password is {lab.ChargePoint.BasicAuthPassword ?? "(none)"}; expected {expected}.");
        }
    }

    /// <summary>
    /// TC_083, TC_085..TC_087 look at the HTTP upgrade and the TLS handshake. The in-process connection has
    /// neither, and the virtual charge point has no charge-point-side TLS or security profile yet.
    /// </summary>
    [Then("^the Charge Point is connected with Security Profile (\\d)$")]
    [Then("^the Charge Point opens its connection (with Basic credentials for its id|over TLS 1.2 or later with the required cipher suites|over TLS 1.2 or later with a valid client certificate)$")]
    public static void Transport(string what) =>
        throw new AssertionException($"Not checkable: the virtual charge point has no charge-point-side security profile or TLS (wanted: {what}).");

    private string HashAlgorithmUsed() =>
        lab.LastAnswer is not null && FieldChecks.Find(lab.AnswerPayload(), "certificateHashData[0].hashAlgorithm") is { } a ? a.GetString()! : "SHA256";

    private bool Listed()
    {
        var answer = lab.AnswerPayload();
        if (!answer.TryGetProperty("certificateHashData", out var list))
        {
            return false;
        }

        return list.EnumerateArray().Any(h =>
        {
            var mine = certificates.HashData(h.GetProperty("hashAlgorithm").GetString()!);
            return JsonSerializer.SerializeToElement(mine).GetProperty("issuerNameHash").GetString() == h.GetProperty("issuerNameHash").GetString()
                && string.Equals(mine["serialNumber"]!.GetValue<string>(), h.GetProperty("serialNumber").GetString()!.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
        });
    }
}
