namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// One stage of a scenario, as k6's <c>stages</c>: over <paramref name="Duration"/> the number of powered charge
/// points goes linearly from the previous stage's target (0 before the first) to <paramref name="Target"/>, and the
/// session arrival rate from the previous stage's factor (1 before the first) to <paramref name="SessionRate"/>.
/// </summary>
/// <param name="Duration">How long the stage lasts (zero: a step).</param>
/// <param name="Target">Powered charge points of the whole fleet at the end of the stage.</param>
/// <param name="SessionRate">The arrival rate at the end of the stage, as a factor of the sessions' mean gap (2 = twice as many arrivals).</param>
public sealed record Stage(TimeSpan Duration, int Target, double SessionRate = 1);
