namespace OcppLab.Simulator.Cli;

/// <summary>The simulator's exit codes, the same for every command (documented in simulator/README.md).</summary>
internal static class ExitCodes
{
    /// <summary>The run did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line was fine but the run failed: a port busy, no charge point connected, an unexpected error.</summary>
    public const int RunFailed = 1;

    /// <summary>The command line is wrong: an unknown command or option, a bad or missing value, options that contradict each other.</summary>
    public const int Usage = 2;

    /// <summary>The fleet ran, and at least one of its thresholds failed (k6's code for the same).</summary>
    public const int ThresholdsFailed = 99;
}
