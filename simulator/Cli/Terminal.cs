namespace OcppLab.Simulator.Cli;

/// <summary>
/// Where a command reads and writes: the process's standard streams in Program.cs, string writers in tests.
/// </summary>
/// <param name="Output">Standard output: the traffic, the live view, the report paths.</param>
/// <param name="Error">Standard error: usage errors and failures.</param>
/// <param name="Input">Standard input: the charger console's commands.</param>
/// <param name="IsTerminal">Whether the output is a terminal (the live view redraws) rather than a file or a pipe.</param>
/// <param name="Size">The terminal's columns and rows, read at each draw; null off a terminal.</param>
internal sealed record Terminal(TextWriter Output, TextWriter Error, TextReader Input, bool IsTerminal, Func<(int Columns, int Rows)?> Size)
{
    /// <summary>Streams that are no terminal: output captured in writers, no input.</summary>
    public static Terminal Captured(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, input ?? TextReader.Null, false, () => null);
}
