using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>
/// The Central System never sends a frame that breaks the 1.6 schema, whatever an operator fed it, unless strict
/// outbound is turned off on purpose (Csms:ValidateOutgoing false, or ?validate=false on the relay).
/// </summary>
public sealed class StrictOutboundTests
{
    [Test]
    public async Task An_id_tag_stored_with_a_status_outside_the_enum_is_answered_InternalError_and_logged_never_sent()
    {
        var logs = new CapturedLogs();
        await using var root = new CsmsFactory();
        await using var csms = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        csms.Services.GetRequiredService<IIdTagStore>().Upsert(new IdTagRecord("CARD42", (AuthorizationStatus)7, null, null));
        await using var cp = await TestChargePoint.ConnectAsync(csms, "STRICT01");
        await cp.CallAsync(Requests.Boot());

        var refused = Assert.ThrowsAsync<OcppCallErrorException>(() => cp.CallAsync(new AuthorizeRequest { IdTag = "CARD42" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.Code, Is.EqualTo(OcppErrorCode.InternalError));
            Assert.That(refused.Description, Does.Contain("$.idTagInfo.status"));
            Assert.That(logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Exception), Has.One.TypeOf<OcppOutboundSchemaException>());
        }
    }

    [Test]
    public async Task A_numeric_enum_on_a_typed_operator_endpoint_is_a_400_and_nothing_reaches_the_station()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "STRICT02", r => r.Map<ResetRequest, ResetResponse>((station, request, _) =>
        {
            station.Received.Enqueue(("Reset", request));
            return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted });
        }));
        using var http = csms.CreateClient();

        using var response = await http.PostAsync("/api/charge-points/STRICT02/reset", Json("""{"type":7}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(cp.Received, Is.Empty);
    }

    [Test]
    public async Task The_relay_sends_an_invalid_enum_only_when_the_operator_turns_validation_off()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "STRICT03", r => r.Map<ResetRequest, ResetResponse>((_, _, _) => ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted })));
        using var http = csms.CreateClient();

        using var refused = await http.PostAsync("/api/charge-points/STRICT03/calls/Reset", Json("""{"type":7}"""));
        using var deliberate = await http.PostAsync("/api/charge-points/STRICT03/calls/Reset?validate=false", Json("""{"type":7}"""));
        var problem = await deliberate.Content.ReadFromJsonAsync<JsonElement>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(deliberate.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway), "the station judged the bad frame");
            Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("TypeConstraintViolation"));
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
