using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Security;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Security;

public sealed class SecurityMessageTests
{
    [Test]
    public async Task SignCertificate_is_accepted_and_CertificateSigned_follows_with_a_certificate_for_the_CSRs_key()
    {
        await using var csms = new CsmsFactory();
        var signed = new TaskCompletionSource<CertificateSignedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", r => r.Map<CertificateSignedRequest, CertificateSignedResponse>((_, request, _) =>
        {
            signed.TrySetResult(request);
            return ValueTask.FromResult(new CertificateSignedResponse { Status = CertificateSignedStatus.Accepted });
        }));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=CP001", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var answer = await cp.CallAsync(new SignCertificateRequest { Csr = csr });
        var request = await signed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var certificate = X509Certificate2.CreateFromPem(request.CertificateChain);

        Assert.That(answer.Status, Is.EqualTo(GenericStatus.Accepted));
        Assert.That(certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo(), Is.EqualTo(key.ExportSubjectPublicKeyInfo()));
    }

    [Test]
    public async Task SignCertificate_for_another_charge_point_is_rejected()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=CP002", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var answer = await cp.CallAsync(new SignCertificateRequest { Csr = csr });

        Assert.That(answer.Status, Is.EqualTo(GenericStatus.Rejected));
    }

    [Test]
    public async Task Security_events_log_uploads_and_signed_firmware_states_are_shown_in_the_stations_security_view()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        using var http = csms.CreateClient();

        await cp.CallAsync(new SecurityEventNotificationRequest { Type = "InvalidCentralSystemCertificate", Timestamp = csms.Time.GetUtcNow(), TechInfo = "untrusted" });
        await cp.CallAsync(new LogStatusNotificationRequest { Status = UploadLogStatus.Uploaded, RequestId = 7 });
        await cp.CallAsync(new SignedFirmwareStatusNotificationRequest { Status = SignedFirmwareStatus.InvalidSignature, RequestId = 8 });
        var (status, body) = await Api.GetAsync(http, "/api/charge-points/CP001/security");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("securityEvents")[0].GetProperty("type").GetString(), Is.EqualTo("InvalidCentralSystemCertificate"));
        Assert.That(body.GetProperty("logStatuses")[0].GetProperty("status").GetString(), Is.EqualTo("Uploaded"));
        Assert.That(body.GetProperty("logStatuses")[0].GetProperty("requestId").GetInt32(), Is.EqualTo(7));
        Assert.That(body.GetProperty("signedFirmwareStatuses")[0].GetProperty("status").GetString(), Is.EqualTo("InvalidSignature"));
    }

    [Test]
    public async Task GetLog_asks_for_the_security_log_with_an_upload_location_on_this_Central_System()
    {
        await using var csms = new CsmsFactory();
        GetLogRequest? sent = null;
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", r => r.Map<GetLogRequest, GetLogResponse>((_, request, _) =>
        {
            sent = request;
            return ValueTask.FromResult(new GetLogResponse { Status = LogStatus.Accepted, Filename = "security.log" });
        }));
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/security/get-log", """{"requestId":42}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(sent!.LogType, Is.EqualTo(LogType.SecurityLog));
        Assert.That(sent.RequestId, Is.EqualTo(42));
        Assert.That(sent.Log.RemoteLocation, Does.EndWith("/files/diagnostics/CP001/"));
        Assert.That(body.GetProperty("filename").GetString(), Is.EqualTo("security.log"));
    }

    [Test]
    public async Task The_CA_certificate_is_served_as_PEM()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var pem = await http.GetStringAsync("/api/security/ca");
        using var ca = X509Certificate2.CreateFromPem(pem);

        Assert.That(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority, Is.True);
    }

    [TestCase(null, null, StatusCodes.Status403Forbidden)]
    [TestCase("secret-key", "wrong", StatusCodes.Status401Unauthorized)]
    [TestCase("secret-key", "secret-key", StatusCodes.Status200OK)]
    public async Task The_operator_API_asks_for_its_key_on_a_non_loopback_address(string? configured, string? sent, int expected)
    {
        var options = new CsmsSecurityOptions { Security = { OperatorApiKey = configured } };
        var reached = false;
        var middleware = new OperatorApiKey(_ => { reached = true; return Task.CompletedTask; }, new StaticOptions(options));
        var http = new DefaultHttpContext { RequestServices = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Path = "/api/charge-points";
        http.Connection.LocalIpAddress = IPAddress.Parse("10.0.0.5");
        http.Response.Body = new MemoryStream();
        if (sent is not null)
        {
            http.Request.Headers[OperatorApiKey.Header] = sent;
        }

        await middleware.InvokeAsync(http);

        Assert.That(reached ? StatusCodes.Status200OK : http.Response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task The_operator_API_needs_no_key_on_loopback()
    {
        var reached = false;
        var middleware = new OperatorApiKey(_ => { reached = true; return Task.CompletedTask; }, new StaticOptions(new CsmsSecurityOptions()));
        var http = new DefaultHttpContext();
        http.Request.Path = "/api/charge-points";
        http.Connection.LocalIpAddress = IPAddress.Loopback;

        await middleware.InvokeAsync(http);

        Assert.That(reached, Is.True);
    }

    private sealed class StaticOptions(CsmsSecurityOptions value) : IOptionsMonitor<CsmsSecurityOptions>
    {
        public CsmsSecurityOptions CurrentValue => value;

        public CsmsSecurityOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CsmsSecurityOptions, string?> listener) => null;
    }
}
