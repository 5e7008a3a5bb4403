using System.Runtime.InteropServices;
using OcppLab.Simulator.Cli;

// The simulator's commands (Cli/SimulatorCommandLine.cs):
//   charger  one virtual charge point against a Central System, printing its traffic, driven from the console
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
var terminal = new Terminal(
    Console.Out,
    Console.Error,
    input,
    !Console.IsOutputRedirected,
    () => Console.IsOutputRedirected ? null : (Console.WindowWidth, Console.WindowHeight));
return await SimulatorCommandLine.RunAsync(args, terminal, stop.Token);
