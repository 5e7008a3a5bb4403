using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.OperatorApi;

/// <summary>Every error of the operator API is an RFC 9457 problem document with a type of ours.</summary>
public sealed class ProblemDocumentTests
{
    [TestCase("GET", "/api/nope", 404, "no-route")]
    [TestCase("GET", "/api/transactions/abc/meter-values", 404, "no-route")]
    [TestCase("GET", "/api/charge-points/CP001/reset", 405, "method-not-allowed")]
    [TestCase("DELETE", "/api/charge-points", 405, "method-not-allowed")]
    public async Task A_request_no_endpoint_serves_gets_a_problem_instead_of_an_empty_body(string method, string path, int status, string type)
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (code, problem, contentType) = await Api.SendAsync(http, new HttpMethod(method), path);

        Assert.That((int)code, Is.EqualTo(status));
        Assert.That(problem.ValueKind, Is.EqualTo(JsonValueKind.Object), "not an empty body");
        Assert.That(contentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:" + type));
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(path));
    }

    [Test]
    public async Task A_wrong_method_names_the_methods_allowed()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (_, problem, _) = await Api.SendAsync(http, HttpMethod.Get, "/api/charge-points/CP001/reset");

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("POST"));
    }

    [TestCase("/api/charge-points?limit=abc", "limit", "whole number")]
    [TestCase("/api/charge-points?limit=-1", "limit", "from 1 to 1000")]
    [TestCase("/api/charge-points?limit=1001", "limit", "from 1 to 1000")]
    [TestCase("/api/charge-points?offset=-5", "offset", "0 or more")]
    [TestCase("/api/charge-points?connected=maybe", "connected", "true or false")]
    [TestCase("/api/transactions?limit=abc", "limit", "whole number")]
    [TestCase("/api/transactions?limit=0", "limit", "from 1 to 1000")]
    [TestCase("/api/transactions?active=yes", "active", "true or false")]
    [TestCase("/api/charge-points?limit=99999999999", "limit", "2147483647")]
    public async Task A_query_parameter_that_is_not_valid_is_a_400_naming_the_parameter(string path, string parameter, string rule)
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (status, problem, contentType) = await Api.SendAsync(http, HttpMethod.Get, path);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(contentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:bad-parameter"));
        Assert.That(problem.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(rule));
        Assert.That(problem.GetProperty("title").GetString(), Does.Not.Contain("body"));
    }

    [Test]
    public async Task A_negative_wait_for_a_remote_start_is_a_400_naming_it()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (status, problem, _) = await Api.SendAsync(http, HttpMethod.Post, "/api/charge-points/CP001/remote-start?waitSeconds=-3", """{"idTag":"VALID001"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("parameter").GetString(), Is.EqualTo("waitSeconds"));
    }

    [Test]
    public async Task A_body_that_is_not_JSON_is_a_415_problem()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/charge-points/CP001/reset") { Content = new StringContent("type=Hard", Encoding.UTF8, "text/plain") };

        using var response = await http.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:unsupported-media-type"));
    }

    [Test]
    public async Task Unreadable_JSON_is_a_400_problem_that_names_no_dotnet_type()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (status, problem, _) = await Api.SendAsync(http, HttpMethod.Post, "/api/charge-points/CP001/reset", """{"type":""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:bad-body"));
        Assert.That(problem.ToString(), Does.Not.Contain("OcppLab."));
    }

    [Test]
    public async Task An_exception_inside_the_Central_System_is_a_500_problem_not_an_empty_body()
    {
        await using var csms = new CsmsFactory();
        using var failing = csms.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IIdTagStore, FailingIdTags>()));
        using var http = failing.CreateClient();

        var (status, problem, contentType) = await Api.SendAsync(http, HttpMethod.Get, "/api/id-tags");

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(problem.ValueKind, Is.EqualTo(JsonValueKind.Object), "not an empty body");
        Assert.That(contentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:internal"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("GET /api/id-tags"));
        Assert.That(problem.ToString(), Does.Not.Contain("store unavailable"), "the exception's message stays in the log");
    }

    private sealed class FailingIdTags : IIdTagStore
    {
        public IdTagRecord? Find(string idTag) => throw new InvalidOperationException("store unavailable");

        public IReadOnlyList<IdTagRecord> All() => throw new InvalidOperationException("store unavailable");

        public void Upsert(IdTagRecord record) => throw new InvalidOperationException("store unavailable");

        public bool Remove(string idTag) => throw new InvalidOperationException("store unavailable");
    }
}
