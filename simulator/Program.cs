using System.Runtime.InteropServices;
using OcppLab.Simulator.Cli;

// The simulator's commands; each one lives in Cli/.
//   charger  one virtual charge point against a Central System, printing its traffic
//   fleet    many charge points with sessions, a live view and a report; the Central System too unless --csms
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// SIGTERM (timeout, systemd, a container stop) ends a run as gracefully as Ctrl+C: sessions stopped, report written.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

// Standard input is read as a plain stream: Console.In would hold the console lock while it waits for a line.
using var input = new StreamReader(Console.OpenStandardInput());
return args switch
{
    [] or ["--help" or "-h" or "help"] => Usage.Print(Console.Out),
    ["charger", .. var rest] => await ChargerCommand.RunAsync(rest, Console.Out, Console.Error, input, stop.Token),
    ["fleet", .. var rest] => await FleetCommand.RunAsync(rest, Console.Out, Console.Error, !Console.IsOutputRedirected, stop.Token),
    [var unknown, ..] => Usage.Unknown(unknown, Console.Error),
};
