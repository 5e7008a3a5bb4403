using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;
using OcppLab.Simulator.Fleet;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Cli;

/// <summary>The <c>charger</c> command: one virtual charge point on real time and a real socket.</summary>
internal static class ChargerCommand
{
    /// <summary>Runs the charge point <paramref name="options"/> describe until Ctrl+C, 'quit' or the end of input; returns the exit code.</summary>
    public static async Task<int> RunAsync(ChargerOptions options, Terminal terminal, bool verbose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var (output, input) = (terminal.Output, terminal.Input);
        using var loggers = LoggerFactory.Create(builder => builder.ClearProviders().AddProvider(new ConsoleLog(output, LogLevel.Information, verbose)).SetMinimumLevel(LogLevel.Information));
        var security = options.Security;
        var settings = new ConnectionSettings { CentralSystemUrl = options.CentralSystem, BasicAuthPassword = options.Password, ConnectTimeout = options.ConnectTimeout };
        VirtualChargePoint? chargePoint = null;

        // The charge point's own ConnectionSecurity, read at every attempt, so its certificate checks and a profile
        // or key changed by the Central System apply as they would on a real charge point (Security Whitepaper §2).
        var useSystemTrust = security.CentralSystemRoots.Count == 0;
        var connector = new WebSocketConnector(
            settings,
            SecureWebSocketFactory.Client(
                () => chargePoint is { } cp ? cp.ConnectionSecurity with { UseSystemTrustWithoutRoots = useSystemTrust } : TransportSecurity.None(options.Id),
                () => chargePoint?.Configuration.GetSeconds(Keys.WebSocketPingInterval) ?? TimeSpan.Zero));
        var configuration = new Dictionary<string, string> { [Keys.SecurityProfile] = security.Profile.ToString(CultureInfo.InvariantCulture) };
        if (options.Password is { } password)
        {
            configuration[Keys.AuthorizationKey] = password;
        }

        chargePoint = new VirtualChargePoint(
            options.Id,
            options.Template.WithConfiguration(configuration),
            connector,
            TimeProvider.System,
            loggers.CreateLogger("OcppLab.Simulator." + options.Id),
            options.Quiet ? null : new TrafficPrinter(output));
        await using (chargePoint)
        {
            chargePoint.ProvisionCertificates(security.CentralSystemRoots, security.ClientCertificate, security.ClientCertificateIntermediates);

            // Security events are few and say why a connection is refused: shown even with --quiet.
            using var events = chargePoint.SecurityEvents.Subscribe(e =>
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Timestamp:HH:mm:ss.fff} !! security event {e.Type}{(e.TechInfo is { Length: > 0 } info ? ": " + info : string.Empty)}")));
            using var driver = options.AutoDriver ? AutomaticDriver(chargePoint, options.Id) : null;
            output.WriteLine($"{options.Id} -> {settings.EndpointFor(options.Id)}  {security.Describe()}  (Ctrl+C to stop; type 'help' for commands{(options.AutoDriver ? "; a virtual driver answers remote starts, stops and unlocks" : string.Empty)})");
            chargePoint.PowerOn();
            try
            {
                await new ConsoleDriver(chargePoint, output, terminal.InputIsTerminal).RunAsync(input, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The fleet's driver on each connector, without arrivals of its own: it only answers the Central System.</summary>
    private static IDisposable AutomaticDriver(VirtualChargePoint chargePoint, string id)
    {
        var sessionDriver = new ChargePointSessionDriver(chargePoint);
        var sessions = Enumerable.Range(1, chargePoint.NumberOfConnectors)
            .Select(c => new ConnectorSessions(c, "", sessionDriver, DefaultScheduler.Instance, new SessionProfile(), new SeededRandom(SeededRandom.Derive(id.GetHashCode(StringComparison.Ordinal), c)), new SessionCounters()))
            .ToArray();
        return chargePoint.RemoteCommands
            .Where(command => command.ConnectorId >= 1 && command.ConnectorId <= sessions.Length)
            .Subscribe(command => sessions[command.ConnectorId - 1].OnRemoteCommand(command));
    }
}
