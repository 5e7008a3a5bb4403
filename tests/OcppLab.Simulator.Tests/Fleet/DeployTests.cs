using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Fleet;
using YamlDotNet.RepresentationModel;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>Scale-out on Kubernetes: the Indexed Job manifest, and the shard each pod takes from its environment.</summary>
public sealed class DeployTests
{
    [Test]
    public void A_pod_of_an_indexed_job_takes_its_shard_from_the_job_environment()
    {
        var environment = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "2", ["JOB_COMPLETIONS"] = "8" };

        var (options, error) = SimulatorCommandLine.ParseFleet(["--chargers", "800", "--csms", "ws://127.0.0.1:9/ocpp"], name => environment.GetValueOrDefault(name));

        Assert.That(error, Is.Null);
        Assert.That(options!.Shard, Is.EqualTo(new Shard(3, 8)), "index 2 is the third shard");
    }

    [Test]
    public void The_shard_option_wins_over_the_environment_and_without_either_the_fleet_is_whole()
    {
        var environment = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "2", ["JOB_COMPLETIONS"] = "8" };

        var (given, _) = SimulatorCommandLine.ParseFleet(["--chargers", "800", "--shard", "1/2"], name => environment.GetValueOrDefault(name));
        var (none, _) = SimulatorCommandLine.ParseFleet(["--chargers", "800"], _ => null);

        Assert.That(given!.Shard, Is.EqualTo(new Shard(1, 2)));
        Assert.That(none!.Shard, Is.EqualTo(Shard.Whole));
    }

    [TestCase("8", null, "JOB_COMPLETIONS='': with JOB_COMPLETION_INDEX set")]
    [TestCase("8", "8", "JOB_COMPLETION_INDEX='8': the pod's index must be a whole number from 0 to 7")]
    [TestCase("x", "4", "JOB_COMPLETION_INDEX='x'")]
    [TestCase("0", "0", "JOB_COMPLETIONS='0'")]
    public void A_bad_job_environment_is_a_usage_error_naming_the_variable(string? index, string? completions, string message)
    {
        var environment = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = index, ["JOB_COMPLETIONS"] = completions };

        var (options, error) = SimulatorCommandLine.ParseFleet(["--chargers", "800"], name => environment.GetValueOrDefault(name));

        Assert.That(options, Is.Null);
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void The_kubernetes_manifest_is_an_indexed_job_whose_pods_read_their_shard_and_expose_metrics()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot(), "deploy", "fleet-job.yaml")))
        {
            stream.Load(reader);
        }

        var job = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).Single(d => Scalar(d, "kind") == "Job");
        var spec = (YamlMappingNode)job["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)spec["template"])["spec"])["containers"])[0];
        var env = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name"));
        var args = ((YamlSequenceNode)container["args"]).Cast<YamlScalarNode>().Select(a => a.Value!).ToList();

        Assert.That(Scalar(job, "apiVersion"), Is.EqualTo("batch/v1"));
        Assert.That(Scalar(spec, "completionMode"), Is.EqualTo("Indexed"));
        Assert.That(env.Keys, Is.SupersetOf(new[] { Shard.IndexVariable, Shard.CountVariable }));
        Assert.That(Scalar(env[Shard.CountVariable], "value"), Is.EqualTo(Scalar(spec, "completions")), "JOB_COMPLETIONS is the Job's completions");
        Assert.That(args, Does.Not.Contain("--shard"), "each pod takes its shard from the environment");
        Assert.That(args[args.IndexOf("--metrics-port") + 1], Is.EqualTo("9464"));
        Assert.That(args, Does.Contain("--metrics-all-interfaces"));
        Assert.That(((YamlSequenceNode)container["ports"]).Cast<YamlMappingNode>().Select(p => Scalar(p, "containerPort")), Does.Contain("9464"));

        // The pod's arguments are ones the fleet accepts (the Job's $(VAR) references expanded as Kubernetes does).
        var expanded = args.Skip(1).Select(a => a.Replace("$(JOB_COMPLETION_INDEX)", "0", StringComparison.Ordinal)).ToList();
        var (options, error) = SimulatorCommandLine.ParseFleet(expanded, name => name == Shard.IndexVariable ? "0" : Scalar(env[Shard.CountVariable], "value"));
        Assert.That(error, Is.Null);
        Assert.That(options!.Shard.Count, Is.EqualTo(int.Parse(Scalar(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void The_dockerfile_publishes_the_simulator_onto_the_official_aspnet_runtime_image()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "Dockerfile"));
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.That(froms[0], Does.StartWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build"));
        Assert.That(froms[^1], Is.EqualTo("FROM mcr.microsoft.com/dotnet/aspnet:10.0"));
        Assert.That(lines, Has.Some.Contains("dotnet publish simulator/OcppLab.Simulator.csproj"));
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OcppLab.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("OcppLab.sln not found above the test directory.");
    }
}
