using Microsoft.Extensions.Logging;
using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// The hidden <c>embedded-central-system</c> command: the fleet's embedded Central System as a process of its own
/// (<see cref="CentralSystemProcess"/> starts it), so that the fleet's memory and CPU are the fleet's alone. It reads
/// what to start from the first line of standard input, says where it listens (or why it cannot) on standard
/// output, sends its log entries the same way, and stops when standard input closes: the fleet closes it once its
/// StopTransactions are delivered, and the kernel closes it when the fleet dies, so it never outlives the fleet.
/// Ctrl+C and SIGTERM, which reach the whole process group, are left to the fleet (Program.cs cancels their default).
/// </summary>
internal static class EmbeddedCentralSystemCommand
{
    public static async Task<int> RunAsync(Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var first = await terminal.Input.ReadLineAsync();
        if (first is null || CentralSystemChannel.Read<CentralSystemStart>(first) is not { } start)
        {
            await terminal.Error.WriteLineAsync($"'{CentralSystemChannel.Command}' is the fleet's own: run 'simulator fleet' instead.");
            return ExitCodes.Usage;
        }

        using var log = new ChannelLog(terminal.Output);
        EmbeddedCsms csms;
        try
        {
            csms = await EmbeddedCsms.StartAsync(start.Url, start.IdTags, new Dictionary<string, string?>(), log, CancellationToken.None);
        }
        catch (IOException e)
        {
            log.Send(new CentralSystemMessage { CannotListen = e.Message, Detail = e.ToString() });
            return ExitCodes.RunFailed;
        }

        await using (csms)
        {
            log.Send(new CentralSystemMessage { Listening = csms.BaseAddress.ToString() });
            while (await terminal.Input.ReadLineAsync() is not null)
            {
                // Nothing more is said on standard input; its end is the stop.
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The Central System's log, each entry a line to the fleet.</summary>
    private sealed class ChannelLog(TextWriter output) : ILoggerProvider
    {
        private readonly Lock sync = new();

        public ILogger CreateLogger(string categoryName) => new CallbackLogger(categoryName, (level, category, message, exception) =>
            Send(new CentralSystemMessage { Log = new CentralSystemLogEntry(level, category, message, exception) }));

        public void Send(CentralSystemMessage message)
        {
            lock (sync)
            {
                try
                {
                    output.WriteLine(CentralSystemChannel.Line(message));
                    output.Flush();
                }
                catch (IOException)
                {
                    // The fleet is gone (a broken pipe): standard input has ended too, and the stop follows.
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
