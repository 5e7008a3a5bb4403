using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.OperatorApi;

public sealed class IdTagApiTests
{
    [Test]
    public async Task The_seeded_demo_tags_are_listed()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var tags = await http.GetFromJsonAsync<JsonElement>("/api/id-tags");

        Assert.That(tags.EnumerateArray().Select(t => t.GetProperty("idTag").GetString()), Is.SupersetOf(new[] { "VALID001", "BLOCKED001", "EXPIRED001", "MEMBER001" }));
    }

    [Test]
    public async Task A_tag_put_by_the_operator_is_used_at_once_and_a_deleted_one_is_invalid()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        using var http = csms.CreateClient();

        using var put = await http.PutAsJsonAsync("/api/id-tags/NEWCARD", new { status = "Blocked", parentIdTag = "GROUP001" });
        var blocked = await cp.CallAsync(new AuthorizeRequest { IdTag = "NEWCARD" });
        using var delete = await http.DeleteAsync("/api/id-tags/NEWCARD");
        var gone = await cp.CallAsync(new AuthorizeRequest { IdTag = "NEWCARD" });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(blocked.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Blocked));
        Assert.That(blocked.IdTagInfo.ParentIdTag, Is.EqualTo("GROUP001"));
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(gone.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Invalid));
    }

    [Test]
    public async Task A_tag_longer_than_an_IdToken_is_refused_with_a_message_naming_it()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        using var put = await http.PutAsJsonAsync("/api/id-tags/ABCDEFGHIJKLMNOPQRSTU", new { status = "Accepted" });
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("ABCDEFGHIJKLMNOPQRSTU"));
    }
}
