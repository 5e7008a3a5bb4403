extern alias simulator;

using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OcppLab.Conformance.Drivers.CentralSystem;
using simulator::OcppLab.Simulator.Security;

namespace OcppLab.Conformance.StepDefinitions.ChargePoint;

/// <summary>
/// The security cases of the charge-point section (TC_073..TC_087, OCPP 1.6 Security white paper): the lab's
/// certificates and firmware signature, and checks on what the charge point presents when it connects.
/// </summary>
[Binding]
public sealed class ChargePointSecuritySteps(LabCentralSystem lab, LabCertificateAuthority certificates, ScenarioContext context)
{
    [Given("^the Charge Point has the lab's (CentralSystemRootCertificate|ManufacturerRootCertificate) installed$")]
    public async Task Installed(string certificateType)
    {
        await Install(certificateType);
        if (lab.AnswerPayload().GetProperty("status").GetString() != "Accepted")
        {
            throw new AssertionException($"The Charge Point did not accept the lab's {certificateType}: {lab.AnswerPayload().GetRawText()}.");
        }

        lab.ConsumeAll();
    }

    [When("^the Central System sends InstallCertificate with the lab's (\\w+)$")]
    public Task Install(string certificateType) =>
        lab.SendAsync("InstallCertificate", new JsonObject { ["certificateType"] = certificateType, ["certificate"] = certificates.RootPem });

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

    /// <summary>The lab acts as the CA: it signs the CSR of the last SignCertificate.req (memory state RenewChargePointCertificate).</summary>
    [When("^the Central System signs the CSR and sends CertificateSigned$")]
    public Task Signed()
    {
        var csr = lab.Frames.LastOrDefault(f => f.Action == "SignCertificate")?.Payload.GetProperty("csr").GetString()
            ?? throw new AssertionException("The Charge Point sent no SignCertificate.req to sign.");
        return lab.SendAsync("CertificateSigned", new JsonObject { ["certificateChain"] = certificates.SignCsr(csr) });
    }

    [When("^the Central System sends SignedUpdateFirmware with the lab's signed firmware( and a wrong signature)?$")]
    public async Task SignedFirmware(string? wrong)
    {
        using var files = new HttpClient(new LabFileServer(context));
        var image = await files.GetByteArrayAsync(new Uri(lab.Data.FirmwareUrl));
        var signed = string.IsNullOrEmpty(wrong) ? image : [.. image, 0xFF];
        await lab.SendAsync("SignedUpdateFirmware", new JsonObject
        {
            ["requestId"] = 1,
            ["firmware"] = new JsonObject
            {
                ["location"] = lab.Data.FirmwareUrl,
                ["retrieveDateTime"] = lab.Resolve("<now>"),
                ["signingCertificate"] = certificates.SigningCertificatePem,
                ["signature"] = certificates.SignFirmware(signed),
            },
        });
    }

    [Then("^the Charge Point uses the Basic-auth password (\\S+)$")]
    public void Password(string expected)
    {
        var header = LastConnection().AuthorizationHeader;
        if (header != simulator::OcppLab.Simulator.Transport.WebSocketFactory.BasicAuthorization(lab.Data.ChargePointId, expected))
        {
            throw new AssertionException($"The Charge Point's last connection sent Authorization: {header ?? "(none)"}; expected Basic credentials with the password {expected}.");
        }
    }

    [Then("^the Charge Point closes its connection and reconnects$")]
    public async Task Reconnects()
    {
        await lab.AdvanceAsync(2);
        if (lab.Connections.Count < 2 || !lab.ChargePoint.IsConnected)
        {
            throw new AssertionException($"The Charge Point opened {lab.Connections.Count} connection(s) and is {(lab.ChargePoint.IsConnected ? "" : "not ")}connected; expected a new connection.");
        }
    }

    [Then("^the Charge Point is connected with Security Profile (\\d)$")]
    public void ConnectedWith(int profile)
    {
        var last = LastConnection();
        if (last.Profile != profile || !lab.ChargePoint.IsConnected)
        {
            throw new AssertionException($"The Charge Point's last connection used Security Profile {last.Profile}; expected {profile}.");
        }

        if (profile >= 2 && last.CentralSystemRoots.Count == 0)
        {
            throw new AssertionException("The Charge Point connects with TLS but holds no CentralSystemRootCertificate to check the server with.");
        }
    }

    /// <summary>TC_085: Authorization: Basic base64(id:key), the user name is the URL's last segment, the key 16 to 40 characters.</summary>
    [Then("^the Charge Point opens its connection with Basic credentials for its id$")]
    public void BasicCredentials()
    {
        var header = LastConnection().AuthorizationHeader
            ?? throw new AssertionException("The Charge Point's connection carries no Authorization header.");
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            throw new AssertionException($"Authorization is not Basic: {header}.");
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var (user, key) = colon < 0 ? (decoded, "") : (decoded[..colon], decoded[(colon + 1)..]);
        if (user != lab.Data.ChargePointId)
        {
            throw new AssertionException($"The Basic user name is {user}; expected the charge point id {lab.Data.ChargePointId} (the URL's last segment).");
        }

        if (key.Length is < 16 or > 40)
        {
            throw new AssertionException($"The AuthorizationKey is {key.Length} characters; OCTT wants 16 to 40 (20 to 40 in hex).");
        }
    }

    /// <summary>
    /// TC_086/TC_087: what the charge point would present is checked here (profile, the root it checks the server
    /// with, the client certificate's CN, serial number and key size); the handshake itself (TLS version, the
    /// cipher suites in the ClientHello) does not exist on the in-process connection.
    /// </summary>
    [Then("^the Charge Point opens its connection (over TLS 1.2 or later with the required cipher suites|over TLS 1.2 or later with a valid client certificate)$")]
    public void Tls(string what)
    {
        var last = LastConnection();
        if (!last.UsesTls || last.CentralSystemRoots.Count == 0)
        {
            throw new AssertionException($"The Charge Point's connection is on Security Profile {last.Profile} with {last.CentralSystemRoots.Count} Central System root(s); TLS needs profile 2 or 3 and a root.");
        }

        if (what.EndsWith("client certificate", StringComparison.Ordinal))
        {
            CheckClientCertificate(last.PresentedClientCertificate
                ?? throw new AssertionException("The Charge Point presents no client certificate."));
        }

        throw new AssertionException(
            "Not checkable in process: the lab connects the charge point through InMemoryConnector, which has no TLS handshake, " +
            "so the TLS version and the cipher suites of the ClientHello cannot be seen (what the charge point presents was checked). " +
            "A real TLS listener in front of the lab Central System is needed for this step.");
    }

    private void CheckClientCertificate(X509Certificate2 certificate)
    {
        var cn = certificate.GetNameInfo(X509NameType.SimpleName, false);
        var serialNumber = lab.Template.SerialNumber ?? lab.Data.ChargePointId;
        if (cn != serialNumber)
        {
            throw new AssertionException($"The client certificate's CN is {cn}; expected the serial number {serialNumber}.");
        }

        var keyBits = certificate.GetRSAPublicKey()?.KeySize ?? certificate.GetECDsaPublicKey()?.KeySize ?? 0;
        var rsa = certificate.GetRSAPublicKey() is not null;
        if ((rsa && keyBits < 2048) || (!rsa && keyBits < 224) || string.IsNullOrEmpty(certificate.SerialNumber))
        {
            throw new AssertionException($"The client certificate's key is {keyBits} bits ({(rsa ? "RSA" : "EC")}) or it has no serial number.");
        }
    }

    private TransportSecurity LastConnection() =>
        lab.Connections.Count > 0 ? lab.Connections[^1] : throw new AssertionException("The Charge Point has not connected.");

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
                && JsonSerializer.SerializeToElement(mine).GetProperty("issuerKeyHash").GetString() == h.GetProperty("issuerKeyHash").GetString()
                && string.Equals(mine["serialNumber"]!.GetValue<string>(), h.GetProperty("serialNumber").GetString()!.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
        });
    }
}
