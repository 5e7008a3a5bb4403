using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using OcppLab.Simulator.ChargePoint;
using OcppLab.Simulator.Transport;
using Keys = OcppLab.Simulator.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Cli;

/// <summary>The <c>charger</c> command: one virtual charge point on real time and a real socket.</summary>
internal static class ChargerCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken)
    {
        var (options, problem) = ChargerOptions.Parse(args);
        if (options is null)
        {
            error.WriteLine(problem);
            return Usage.BadUsage;
        }

        if (options.ShowHelp)
        {
            output.WriteLine(ChargerOptions.Help);
            return 0;
        }

        using var loggers = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var settings = new ConnectionSettings { CentralSystemUrl = options.CentralSystem, BasicAuthPassword = options.Password, ConnectTimeout = options.ConnectTimeout };
        VirtualChargePoint? chargePoint = null;
        var connector = new WebsocketClientConnector(
            settings,
            WebSocketFactory.Client(options.Id, () => chargePoint?.BasicAuthPassword ?? options.Password, () => chargePoint?.Configuration.GetSeconds(Keys.WebSocketPingInterval) ?? TimeSpan.Zero));
        var template = options.Password is null
            ? options.Template
            : options.Template with { Configuration = new Dictionary<string, string>(options.Template.Configuration) { [Keys.AuthorizationKey] = options.Password } };
        chargePoint = new VirtualChargePoint(
            options.Id,
            template,
            connector,
            DefaultScheduler.Instance,
            TimeProvider.System,
            loggers.CreateLogger("OcppLab.Simulator." + options.Id),
            options.Quiet ? null : new TrafficPrinter(output));
        await using (chargePoint)
        {
            output.WriteLine($"{options.Id} -> {settings.EndpointFor(options.Id)}  (Ctrl+C to stop; type 'help' for commands)");
            chargePoint.PowerOn();
            try
            {
                await ConsoleDriver.RunAsync(chargePoint, input, output, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        return 0;
    }
}
