using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// The simulator's command line: <c>charger</c> and <c>fleet</c>, <c>--help</c> on each, and one exit code per outcome
/// (<see cref="ExitCodes"/>). A usage error is reported on standard error with a suggestion for a mistyped option and
/// never runs anything.
/// </summary>
internal static class SimulatorCommandLine
{
    /// <summary>The console commands of <c>charger</c>, shown after its options in its help.</summary>
    private const string ChargerConsoleHelp = """
        While it runs, type commands on standard input ('help' lists them with their arguments):
          plug <c> | unplug <c> | ev-unplug <c> | card <c> <idTag> | suspend <c> | resume <c>
          fault <c> [errorCode] | clear-fault <c> | offline | online | power-off | power-on | status | quit
        """;

    /// <summary>Parses <paramref name="args"/> and runs the command they name; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Show the stack trace of a failure, and of every exception a charge point logs",
            Recursive = true,
        };
        var fleet = new FleetCommandLine();
        var merge = new FleetMergeCommand();
        fleet.Command.Subcommands.Add(merge.Command);
        var charger = new ChargerCommandLine();
        var help = new HelpOption();
        help.Action = new HelpWithEpilogue((HelpAction)help.Action!, charger.Command, ChargerConsoleHelp);

        // A plain command as the root, so that usage lines say 'simulator' whatever the executable is called.
        var root = new Command("simulator", "OcppLab simulator: virtual OCPP 1.6-J charge points.") { fleet.Command, charger.Command, help, verbose, new VersionOption() };

        // The fleet's embedded Central System in a process of its own (CentralSystemProcess): not for people, so not in the help.
        var embedded = new Command(Fleet.CentralSystemChannel.Command) { Hidden = true };
        embedded.SetAction((_, _) => EmbeddedCentralSystemCommand.RunAsync(terminal));
        root.Subcommands.Add(embedded);

        root.SetAction(parsed =>
        {
            terminal.Error.WriteLine("A command is required: charger or fleet.");
            terminal.Error.WriteLine();
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = terminal.Error });
            return ExitCodes.Usage;
        });
        fleet.Command.SetAction(async (parsed, token) =>
        {
            var (options, error) = fleet.Bind(parsed);
            return options is null ? UsageError(error!, fleet.Command, terminal.Error) : await FleetCommand.RunAsync(options, terminal, parsed.GetValue(verbose), token);
        });
        merge.Command.SetAction((parsed, token) => merge.RunAsync(parsed, terminal, token));
        charger.Command.SetAction(async (parsed, token) =>
        {
            var (options, error) = charger.Bind(parsed);
            return options is null ? UsageError(error!, charger.Command, terminal.Error) : await ChargerCommand.RunAsync(options, terminal, parsed.GetValue(verbose), token);
        });

        var result = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = terminal.Output,
            Error = terminal.Error,

            // Program.cs owns Ctrl+C and SIGTERM: a fleet drains its sessions for up to a minute, longer than the
            // library's termination timeout would wait before ending the process.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        if (result.Action is ParseErrorAction errors)
        {
            // The errors and the suggestions for a mistyped option or command, all on standard error.
            errors.ShowHelp = false;
            errors.ShowTypoCorrections = true;
            using var text = new StringWriter();
            result.Invoke(new InvocationConfiguration { Output = text, Error = text });
            foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                terminal.Error.WriteLine(line);
            }

            terminal.Error.WriteLine(HelpHint(result.CommandResult.Command));
            return ExitCodes.Usage;
        }

        try
        {
            return await result.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Expected failures are caught where they happen and said in one line; this is the rest.
            terminal.Error.WriteLine(result.GetValue(verbose) ? e.ToString() : $"The run failed: {e.Message} (run with --verbose for the stack trace)");
            return ExitCodes.RunFailed;
        }
    }

    /// <summary>The options of <c>fleet</c>, or the first usage error, as <c>fleet</c> would report it.</summary>
    public static (FleetOptions? Options, string? Error) ParseFleet(IReadOnlyList<string> args) => ParseFleet(args, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="ParseFleet(IReadOnlyList{string})"/>, with the environment variables from <paramref name="environment"/>.</summary>
    public static (FleetOptions? Options, string? Error) ParseFleet(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var fleet = new FleetCommandLine();
        var result = Parse(fleet.Command, args);
        return result.Errors.Count > 0 ? (null, result.Errors[0].Message) : fleet.Bind(result, environment);
    }

    /// <summary>The options of <c>charger</c>, or the first usage error, as <c>charger</c> would report it.</summary>
    public static (ChargerOptions? Options, string? Error) ParseCharger(IReadOnlyList<string> args)
    {
        var charger = new ChargerCommandLine();
        var result = Parse(charger.Command, args);
        return result.Errors.Count > 0 ? (null, result.Errors[0].Message) : charger.Bind(result);
    }

    private static ParseResult Parse(Command command, IReadOnlyList<string> args)
    {
        var root = new Command("simulator") { command, new HelpOption(), new Option<bool>("--verbose") { Recursive = true } };
        return root.Parse([command.Name, .. args]);
    }

    private static int UsageError(string message, Command command, TextWriter error)
    {
        error.WriteLine(message);
        error.WriteLine(HelpHint(command));
        return ExitCodes.Usage;
    }

    private static string HelpHint(Command command) =>
        command.Parents.Any() ? $"Run 'simulator {command.Name} --help' to list the options." : "Run 'simulator --help' to list the commands.";

    /// <summary>The standard help, followed for one command by text the options do not say.</summary>
    private sealed class HelpWithEpilogue(HelpAction standard, Command command, string epilogue) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            if (parseResult.CommandResult.Command == command)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(epilogue);
            }

            return code;
        }
    }
}
