using System.Globalization;
using System.Text;
using OcppLab.ChargePoint;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// Drives a charge point from text commands typed on standard input (the driving API by hand): a prompt, <c>help</c>,
/// a usage line for a command given the wrong arguments, errors in words, and <c>status</c> with what a person at the
/// station would want to see.
/// </summary>
/// <param name="chargePoint">The charge point driven.</param>
/// <param name="output">Where answers and the prompt go.</param>
/// <param name="prompt">Whether to show a prompt (a person typing, not a script piped in).</param>
internal sealed class ConsoleDriver(VirtualChargePoint chargePoint, TextWriter output, bool prompt)
{
    private static readonly string[] ErrorCodes = [.. Enum.GetNames<ChargePointErrorCode>().Where(n => n != nameof(ChargePointErrorCode.NoError))];
    private readonly Lock sync = new();
    private bool powered = true;
    private bool networkUp = true;

    /// <summary>The commands, in the order <c>help</c> lists them.</summary>
    private ConsoleCommand[] Commands =>
    [
        new(
            "plug",
            ["connector"],
            "plug the cable in (charges after a card)",
            Now(a => { chargePoint.PlugIn(Connector(a[0])); return $"connector {a[0]}: plugged in"; })),
        new(
            "card",
            ["connector", "idTag"],
            "present a card: start or stop a transaction",
            async (a, t) => $"connector {a[0]}: card {a[1]} {await chargePoint.PresentIdTagAsync(Connector(a[0]), a[1], t)}"),
        new(
            "unplug",
            ["connector"],
            "pull the cable out (stops a transaction)",
            Now(a => { chargePoint.Unplug(Connector(a[0])); return $"connector {a[0]}: unplugged"; })),
        new(
            "ev-unplug",
            ["connector"],
            "unplug at the EV side only",
            Now(a => { chargePoint.UnplugEvSide(Connector(a[0])); return $"connector {a[0]}: unplugged at the EV side"; })),
        new(
            "suspend",
            ["connector"],
            "the EV stops drawing power (SuspendedEV)",
            Now(a => { chargePoint.SetEvSuspended(Connector(a[0]), true); return $"connector {a[0]}: EV suspended"; })),
        new(
            "resume",
            ["connector"],
            "the EV draws power again",
            Now(a => { chargePoint.SetEvSuspended(Connector(a[0]), false); return $"connector {a[0]}: EV resumed"; })),
        new("fault", ["connector", "[errorCode]"], "a fault (default OtherError; 0 = the station)", Now(a => { chargePoint.Fault(Connector(a[0], allowStation: true), a.Length > 1 ? ErrorCode(a[1]) : ChargePointErrorCode.OtherError); return $"connector {a[0]}: faulted"; })),
        new(
            "clear-fault",
            ["connector"],
            "the fault is gone",
            Now(a => { chargePoint.ClearFault(Connector(a[0], allowStation: true)); return $"connector {a[0]}: fault cleared"; })),
        new(
            "offline",
            [],
            "network down (transaction messages queue)",
            Now(_ => { chargePoint.DropNetwork(); Set(ref networkUp, false); return "network down"; })),
        new(
            "online",
            [],
            "network back (queued messages go out)",
            Now(_ => { chargePoint.RestoreNetwork(); Set(ref networkUp, true); return "network up"; })),
        new(
            "power-off",
            [],
            "power cut (backup power stops transactions)",
            async (_, t) => { await chargePoint.CutPowerAsync(t); Set(ref powered, false); return "power off"; }),
        new(
            "power-on",
            [],
            "power back: the charge point boots",
            Now(_ => { chargePoint.RestorePower(); Set(ref powered, true); return "power on"; })),
        new(
            "status",
            [],
            "state, transaction, energy, power per connector",
            Now(_ => Status())),
        new(
            "help",
            [],
            "this list",
            Now(_ => Help())),
        new(
            "quit",
            [],
            "stop and exit (also exit, Ctrl+C, Ctrl+D)",
            Now(_ => string.Empty)),
    ];

    /// <summary>Reads commands until end of input, <c>quit</c>, or cancellation.</summary>
    public async Task RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        while (!cancellationToken.IsCancellationRequested)
        {
            ShowPrompt();
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                // End of input (a script piped in, or no input attached): run until stopped.
                var stopped = new TaskCompletionSource();
                await using (cancellationToken.Register(() => stopped.TrySetResult()))
                {
                    await stopped.Task;
                }

                return;
            }

            if (line.Trim() is "quit" or "exit")
            {
                return;
            }

            var answer = await ExecuteAsync(line, cancellationToken);
            if (answer.Length > 0)
            {
                output.WriteLine(answer);
            }
        }
    }

    /// <summary>Runs one command line and returns what to show: the outcome, a usage line, or the error in words.</summary>
    public async Task<string> ExecuteAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        var commands = Commands;
        var command = commands.FirstOrDefault(c => string.Equals(c.Name, words[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            var typed = words[0].ToLowerInvariant();
            var near = commands.Select(c => c.Name).Where(name => name.StartsWith(typed, StringComparison.Ordinal) || Distance(typed, name) <= 2).ToList();
            return $"unknown command '{words[0]}'{(near.Count > 0 ? $" (did you mean {string.Join(" or ", near)}?)" : string.Empty)}; type 'help' for the commands.";
        }

        var arguments = words[1..];
        if (arguments.Length < command.Required || arguments.Length > command.Arguments.Length)
        {
            return $"usage: {command.Usage}";
        }

        try
        {
            return await command.Run(arguments, cancellationToken);
        }
        catch (ConsoleInputException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{command.Name}: {e.Message}";
        }
    }

    private string Help()
    {
        var text = new StringBuilder("commands (connector 1 to ").Append(chargePoint.NumberOfConnectors.ToString(CultureInfo.InvariantCulture)).AppendLine("):");
        foreach (var command in Commands)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {command.Usage,-30}{command.Description}");
        }

        return text.ToString().TrimEnd();
    }

    private string Status()
    {
        bool isPowered, isNetworkUp;
        lock (sync)
        {
            (isPowered, isNetworkUp) = (powered, networkUp);
        }

        var c = CultureInfo.InvariantCulture;
        var station = new List<string>
        {
            chargePoint.IsConnected ? "online" : !isPowered ? "offline" : isNetworkUp ? "offline (connecting)" : "offline (network down)",
            isPowered ? "powered" : "power off",
            chargePoint.Registration is { } registration ? (registration == RegistrationStatus.Accepted ? "booted" : "boot " + registration) : "not booted",
        };
        if (chargePoint.QueuedTransactionMessages is > 0 and var queued)
        {
            station.Add(string.Create(c, $"{queued} transaction messages queued"));
        }

        var text = new StringBuilder();
        text.AppendLine(c, $"{chargePoint.Id}: {string.Join(", ", station)}; station {chargePoint.StatusOf(0)}");
        text.AppendLine(c, $"{"connector",-10}{"state",-16}{"transaction",-13}{"energy",12}{"power",11}");
        for (var id = 1; id <= chargePoint.NumberOfConnectors; id++)
        {
            var transaction = chargePoint.TransactionOn(id);
            var register = chargePoint.EnergyRegisterWh(id);
            var number = transaction switch
            {
                null => "-",
                { TransactionId: { } tid } => tid.ToString(c),
                _ => "(queued)",
            };
            var energy = transaction is null ? "-" : string.Create(c, $"{(register - transaction.MeterStart) / 1000:0.000} kWh");
            text.AppendLine(c, $"{id,-10}{chargePoint.StatusOf(id),-16}{number,-13}{energy,12}{chargePoint.PowerW(id) / 1000,8:0.0} kW");
        }

        return text.ToString().TrimEnd();
    }

    private int Connector(string text, bool allowStation = false)
    {
        var count = chargePoint.NumberOfConnectors;
        var range = (allowStation ? "0 (the charge point) or " : string.Empty) + (count == 1 ? "1" : $"1 to {count.ToString(CultureInfo.InvariantCulture)}");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ConsoleInputException($"'{text}' is not a connector number; use {range}.");
        }

        return id == 0 && allowStation || id >= 1 && id <= count
            ? id
            : throw new ConsoleInputException(string.Create(CultureInfo.InvariantCulture, $"connector {id} does not exist; this charge point has {count} (use {range})."));
    }

    private static ChargePointErrorCode ErrorCode(string text) =>
        ErrorCodes.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<ChargePointErrorCode>(name)
            : throw new ConsoleInputException($"'{text}' is not an error code; use one of {string.Join(", ", ErrorCodes)}.");

    private void ShowPrompt()
    {
        if (prompt)
        {
            output.Write(chargePoint.Id + "> ");
            output.Flush();
        }
    }

    private void Set(ref bool field, bool value)
    {
        lock (sync)
        {
            field = value;
        }
    }

    /// <summary>The Levenshtein distance: how many characters to insert, delete or replace to make one word the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>A command that completes at once.</summary>
    private static Func<string[], CancellationToken, Task<string>> Now(Func<string[], string> run) => (arguments, _) => Task.FromResult(run(arguments));

    /// <summary>One console command: its name, its arguments (optional ones in brackets), what it does.</summary>
    private sealed record ConsoleCommand(string Name, string[] Arguments, string Description, Func<string[], CancellationToken, Task<string>> Run)
    {
        public int Required => Arguments.Count(a => !a.StartsWith('['));

        public string Usage => string.Join(' ', Arguments.Select(a => a.StartsWith('[') ? a : $"<{a}>").Prepend(Name));
    }

    /// <summary>Input the console cannot use, said in words for the person typing.</summary>
    private sealed class ConsoleInputException(string message) : Exception(message);
}
