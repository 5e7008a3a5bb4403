namespace OcppLab.Simulator.Fleet.Thresholds;

/// <summary>How a run fared against one threshold.</summary>
/// <param name="Threshold">The threshold as written.</param>
/// <param name="Observed">The value measured (ms, %, or a count); null when nothing was measured, which fails.</param>
/// <param name="Shown">The value as a person reads it, or why there is none.</param>
/// <param name="Passed">Whether the run met it.</param>
public sealed record ThresholdVerdict(string Threshold, double? Observed, string Shown, bool Passed);
