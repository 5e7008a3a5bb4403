using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OcppLab.ChargePoint.Security;
using OcppLab.Conformance.Drivers.CentralSystem;

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
        if (header != OcppLab.ChargePoint.Transport.WebSocketFactory.BasicAuthorization(lab.Data.ChargePointId, expected))
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
    /// TC_086/TC_087. The in-process connection has no TLS handshake, so after checking what the charge point
    /// presents there, the lab opens one more connection with the charge point's own transport
    /// (SecureWebSocketFactory) and its current credentials against a real TLS listener, and checks the
    /// handshake as OCTT does: TLS 1.2 or later, one of the cipher-suite pairs offered, Basic credentials only on
    /// profile 2, the client certificate on profile 3.
    /// </summary>
    [Then("^the Charge Point opens its connection (over TLS 1.2 or later with the required cipher suites|over TLS 1.2 or later with a valid client certificate)$")]
    public async Task Tls(string what)
    {
        var last = LastConnection();
        if (!last.UsesTls || last.CentralSystemRoots.Count == 0)
        {
            throw new AssertionException($"The Charge Point's connection is on Security Profile {last.Profile} with {last.CentralSystemRoots.Count} Central System root(s); TLS needs profile 2 or 3 and a root.");
        }

        using var serverCertificate = certificates.IssueServerCertificate();
        await using var probe = await LabTlsProbe.StartAsync(serverCertificate);
        var security = lab.ChargePoint.ConnectionSecurity;
        var open = SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero);
        using (var socket = await open(probe.Url(lab.Data.ChargePointId), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            context.Log($"[lab] TLS probe connected, subprotocol {socket.SubProtocol}");
        }

        var handshake = probe.Handshakes.SingleOrDefault()
            ?? throw new AssertionException("The TLS probe saw no upgrade request.");
        context.Log($"[lab] TLS {handshake.Protocol}, cipher suites offered: {string.Join(' ', handshake.OfferedCipherSuites.Select(c => ((TlsCipherSuite)c).ToString()))}");
        if (handshake.Protocol is not (SslProtocols.Tls12 or SslProtocols.Tls13))
        {
            throw new AssertionException($"The Charge Point negotiated {handshake.Protocol}; OCTT wants TLS 1.2 or later.");
        }

        bool Offers(TlsCipherSuite a, TlsCipherSuite b) => handshake.OfferedCipherSuites.Contains((ushort)a) && handshake.OfferedCipherSuites.Contains((ushort)b);
        if (!Offers(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)
            && !Offers(TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384))
        {
            throw new AssertionException("The ClientHello offers neither OCTT cipher-suite pair (ECDHE_ECDSA AES-GCM 128/256 or RSA AES-GCM 128/256).");
        }

        if (security.Profile == 2 && handshake.Authorization is null)
        {
            throw new AssertionException("On Security Profile 2 the upgrade request carries no Basic credentials.");
        }

        if (what.EndsWith("client certificate", StringComparison.Ordinal))
        {
            CheckClientCertificate(handshake.ClientCertificate
                ?? throw new AssertionException("The Charge Point sent no client certificate in the TLS handshake."));
            if (handshake.Authorization is not null)
            {
                throw new AssertionException("On Security Profile 3 the upgrade request still carries Basic credentials.");
            }
        }
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
