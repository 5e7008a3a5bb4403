namespace OcppLab.Csms.Stations;

/// <summary>A status a station reported about a background job (firmware, diagnostics), and when.</summary>
/// <typeparam name="TStatus">The status enum.</typeparam>
/// <param name="Status">The status.</param>
/// <param name="At">When it arrived.</param>
public sealed record StatusReport<TStatus>(TStatus Status, DateTimeOffset At)
    where TStatus : struct, Enum;
