using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OcppLab.Conformance.Drivers;
using OcppLab.Tests.Shared;

namespace OcppLab.Conformance.TargetTests;

/// <summary>
/// The manual-action contract: its OpenAPI document passes the validators the operator API's document
/// passes, it covers every manual action the csms cases use, our Central System serves every endpoint of it,
/// and a Central System without it still runs the cases through the raw relay, marked as relayed.
/// </summary>
public sealed partial class OperatorContractTests
{
    private static readonly string Document = Path.Combine(NodePeer.RepositoryRoot(), "tests", "OcppLab.Conformance", "operator-contract.openapi.yaml");

    [Test]
    [Category("OpenApi")]
    public async Task The_contract_document_passes_swagger_parser_and_redocly_lint_with_the_recommended_rules()
    {
        var folder = await NodePeer.InstallAsync(Path.Combine("tests", "openapi"), Path.Combine("@redocly", "cli"));

        var (code, output) = await NodePeer.RunAsync("node", $"validate.mjs \"{Document}\"", folder);

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("swagger-parser: valid"));
    }

    [Test]
    public void The_contract_documents_exactly_the_manual_actions_the_lab_uses()
    {
        var documented = ContractPaths().ToHashSet(StringComparer.Ordinal);
        var used = ManualActions.Actions.Select(a => ManualActions.Find(a)!.Path).ToHashSet(StringComparer.Ordinal);

        Assert.That(documented, Is.EquivalentTo(used));
    }

    [Test]
    public void Every_action_an_operator_step_of_the_csms_cases_sends_has_a_manual_action()
    {
        var sent = FeatureFiles.Find(FeatureFiles.OutputFolder)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}csms{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => OperatorStep().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(sent, Is.Not.Empty);
        Assert.That(sent.Where(a => ManualActions.Find(a) is null), Is.Empty, "actions the contract does not cover");
    }

    [Test]
    public async Task Our_central_system_serves_every_operation_of_the_contract_as_the_contract_documents_it()
    {
        await using var csms = new EmbeddedCsmsTarget();
        var served = (JsonObject)JsonNode.Parse(await csms.Operator!.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var contract = OpenApiShape.LoadYaml(Document);

        Assert.Multiple(() =>
        {
            foreach (var path in ContractPaths())
            {
                var ours = ((JsonObject)served["paths"]!).Select(p => p.Key).SingleOrDefault(p => Regex.IsMatch(p, $"^/api/charge-points/\\{{[^/]+\\}}/manual/{path}$"));
                Assert.That(ours, Is.Not.Null, $"manual/{path} is not served");
                if (ours is null)
                {
                    continue;
                }

                var expected = OpenApiShape.Of(contract, $"/api/charge-points/{{chargePointId}}/manual/{path}", status => status != NotOffered);
                var actual = OpenApiShape.Of(served, ours, status => !OursAlone.Contains(status));
                Assert.That(actual.Except(expected), Is.Empty, $"manual/{path}: served but not in the contract");
                Assert.That(expected.Except(actual), Is.Empty, $"manual/{path}: in the contract but not served");
            }
        });
    }

    [Test]
    public async Task A_central_system_without_the_contract_runs_the_case_through_the_relay_marked_relayed()
    {
        var results = await CaseRun.RunAsync(Settings(), BrokenCsms.OffersOnlyTheRelay, "TC_043_4_CSMS");

        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Passed), results[0].FailureMessage);
        Assert.That(results[0].Warnings, Has.One.StartsWith(OperatorClient.Relayed).And.Contain("SendLocalList"));
    }

    [Test]
    public async Task A_charge_point_the_central_system_does_not_know_is_reported_as_that_and_not_relayed()
    {
        await using var csms = new EmbeddedCsmsTarget();
        var scenario = Scenario();
        var client = new OperatorClient(csms, Settings(), scenario);

        var failure = Assert.ThrowsAsync<Support.Assertions.AssertionException>(() => client.SendAsync("NEVER-CONNECTED", "ClearCache", []));

        Assert.That(failure!.Message, Does.StartWith("The CSMS does not know charge point NEVER-CONNECTED").And.Contain("OCPPLAB_CHARGE_POINT_ID"));
        Assert.That(scenario.Diagnostics.Select(d => d.Text), Has.None.Contain("/calls/"), "no relay was tried");
        Assert.That(scenario.Warnings, Is.Empty);
    }

    [Test]
    public async Task Without_the_contract_a_charge_point_the_relay_does_not_know_either_is_reported_and_not_taken_for_a_relayed_result()
    {
        await using var csms = BrokenCsms.OffersOnlyTheRelay();
        var scenario = Scenario();
        var client = new OperatorClient(csms, Settings(), scenario);

        var failure = Assert.ThrowsAsync<Support.Assertions.AssertionException>(() => client.SendAsync("NEVER-CONNECTED", "ClearCache", []));

        Assert.That(failure!.Message, Does.StartWith("The CSMS answered HTTP 404 to manual/clear-cache and to calls/ClearCache for charge point NEVER-CONNECTED"));
        Assert.That(scenario.Warnings, Is.Empty, "nothing was relayed");
        Assert.That(client.LastReply, Is.Null);
    }

    [Test]
    public async Task Through_the_relay_a_wrong_command_builder_goes_unseen()
    {
        // Why the contract exists: with the lab writing the payload, the CSMS's own SendLocalList is never built.
        var settings = Settings();
        settings.UseRelay = true;

        var results = await CaseRun.RunAsync(settings, BrokenCsms.LocalListWithoutIdTagInfo, "TC_043_4_CSMS");

        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Passed), results[0].FailureMessage);
        Assert.That(results[0].Warnings, Has.One.StartsWith(OperatorClient.Relayed));
    }

    /// <summary>The answer of a Central System that does not offer an endpoint; ours offers all of them.</summary>
    private const int NotOffered = 501;

    /// <summary>
    /// Answers of our operator API that are not the contract's business: its API key (401, 403), its body
    /// limits (413, 415) and its own failure (500). Every other code of ours is one a contract client meets.
    /// </summary>
    private static readonly int[] OursAlone = [401, 403, 413, 415, 500];

    private static Support.Lab.LabSettings Settings()
    {
        var settings = Support.Lab.LabSettings.Load(new Dictionary<string, string?>());
        settings.MessageTimeoutSeconds = 1;
        return settings;
    }

    private static ScenarioContext Scenario() =>
        new(new ScenarioDefinition("operator-contract", "operator-contract", "operator-contract", null, [], [], 0, []));

    private static IEnumerable<string> ContractPaths() =>
        ContractPath().Matches(File.ReadAllText(Document)).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^  /api/charge-points/\{chargePointId\}/manual/([a-z-]+):\s*$", RegexOptions.Multiline)]
    private static partial Regex ContractPath();

    [GeneratedRegex(@"the operator sends (\w+)")]
    private static partial Regex OperatorStep();
}
