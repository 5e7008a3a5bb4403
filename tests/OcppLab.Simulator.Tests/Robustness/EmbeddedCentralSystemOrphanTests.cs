using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Robustness;

/// <summary>
/// A fleet with its embedded Central System, killed (SIGKILL): the Central System runs in a process of its own, and
/// must not outlive the fleet, holding the address the next run wants.
/// </summary>
[NonParallelizable]
public sealed partial class EmbeddedCentralSystemOrphanTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Killing_the_fleet_ends_its_central_system_process_and_frees_the_address(CancellationToken cancellationToken)
    {
        var port = ChildProcess.FreePort();
        var workingDirectory = Path.Combine(Path.GetTempPath(), "ocpplab-orphan", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workingDirectory);
        try
        {
            await using var fleet = ChildProcess.Start(
                "OcppLab.Simulator.dll",
                workingDirectory,
                "fleet", "--urls", $"http://127.0.0.1:{port}", "--chargers", "2", "--ramp", "100/s", "--quiet", "--report", Path.Combine(workingDirectory, "report"));
            using var http = new HttpClient();
            await fleet.WaitUntilServingAsync(http, new Uri($"http://127.0.0.1:{port}/api/transactions/summary"), TimeSpan.FromSeconds(60), cancellationToken);
            Match said;
            while (!(said = EmbeddedProcess().Match(fleet.Tail)).Success)
            {
                await Task.Delay(100, cancellationToken);
            }

            using var centralSystem = Process.GetProcessById(int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.That(centralSystem.HasExited, Is.False);

            await fleet.KillItAloneAsync();
            await centralSystem.WaitForExitAsync(cancellationToken);

            using var next = new TcpListener(IPAddress.Loopback, port);
            Assert.That(next.Start, Throws.Nothing, "the address is free for the next run");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"Central System \(embedded, process (\d+)\)")]
    private static partial Regex EmbeddedProcess();
}
