namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>Charge point <paramref name="Index"/> (0-based, over the whole fleet) is switched on or off by the stages at <paramref name="At"/>.</summary>
public readonly record struct PowerEvent(TimeSpan At, int Index, bool On);
