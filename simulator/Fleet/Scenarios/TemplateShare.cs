using OcppLab.ChargePoint;

namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>One charger model of a fleet's mix: <paramref name="Weight"/> over the sum of the weights of the fleet is made from <paramref name="Template"/>.</summary>
/// <param name="Name">A short name for the report.</param>
/// <param name="Weight">Its share of the fleet, relative to the other shares.</param>
/// <param name="Template">The charge point template.</param>
/// <param name="Driver">How the drivers of these charge points answer the Central System.</param>
public sealed record TemplateShare(string Name, double Weight, ChargePointTemplate Template, DriverProfile Driver);
