using System.Globalization;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet.Scenarios;

namespace OcppLab.Simulator.Fleet;

/// <summary>What a fleet is: how many charge points of which template, where they connect, how fast they come up, and what their drivers do.</summary>
public sealed record FleetPlan
{
    /// <summary>The Central System's base URL; each charge point appends its identity.</summary>
    public required Uri CentralSystem { get; init; }

    /// <summary>The size of the whole fleet, over every shard.</summary>
    public int Chargers { get; init; } = 50;

    /// <summary>The slice of the fleet this process runs.</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Charge points powered on per second.</summary>
    public double RampPerSecond { get; init; } = 10;

    /// <summary>The identity of charge point n (1-based), a composite format string: <c>CP{0:00000}</c>.</summary>
    public string IdPattern { get; init; } = "FLEET{0:00000}";

    /// <summary>The template every charge point is made from (its connector count included).</summary>
    public ChargePointTemplate Template { get; init; } = new();

    /// <summary>A mix of templates by weight, instead of <see cref="Template"/> and <see cref="Driver"/> for all.</summary>
    public IReadOnlyList<TemplateShare>? Templates { get; init; }

    /// <summary>The stages and faults of the run; null for the short form, <see cref="Chargers"/> at <see cref="RampPerSecond"/>.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>The session arrival process of every connector.</summary>
    public SessionProfile Sessions { get; init; } = new();

    /// <summary>How the drivers answer the Central System's remote starts, stops and unlocks.</summary>
    public DriverProfile Driver { get; init; } = new();

    /// <summary>The id tag of card n (1-based); connector g of the fleet uses card (g mod <see cref="IdTagCount"/>) + 1.</summary>
    public string IdTagPattern { get; init; } = "VALID{0:000}";

    /// <summary>How many distinct cards; by default one per connector of the fleet, so that no card is in two transactions at once.</summary>
    public int? IdTagCount { get; init; }

    /// <summary>The seed of every random draw of the fleet.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>The HTTP Basic password of every charge point, if the Central System wants one.</summary>
    public string? Password { get; init; }

    /// <summary>The security profile and its certificates.</summary>
    public FleetSecurity Security { get; init; } = new();

    /// <summary>The SecurityProfile every charge point starts on: <see cref="FleetSecurity.Profile"/>, else 1 with a password and 0 without.</summary>
    public int SecurityProfile => Security.Profile ?? (Password is null ? 0 : 1);

    /// <summary>Connectors over the whole fleet.</summary>
    public int TotalConnectors => Chargers * MaxConnectors;

    /// <summary>The most connectors of any template of the fleet: the stride of the cards of consecutive charge points.</summary>
    public int MaxConnectors => Templates is { Count: > 0 } mix ? mix.Max(t => t.Template.NumberOfConnectors) : Template.NumberOfConnectors;

    /// <summary>The identity of the charge point at 0-based fleet index <paramref name="index"/>.</summary>
    public string ChargerId(int index) => string.Format(CultureInfo.InvariantCulture, IdPattern, index + 1);

    /// <summary>The card used at <paramref name="connectorId"/> of the charge point at fleet index <paramref name="index"/>.</summary>
    public string IdTagFor(int index, int connectorId)
    {
        var global = ((long)index * MaxConnectors) + connectorId - 1;
        var count = Math.Max(1, IdTagCount ?? TotalConnectors);
        return string.Format(CultureInfo.InvariantCulture, IdTagPattern, (global % count) + 1);
    }

    /// <summary>Every card the fleet may present, to seed a Central System with.</summary>
    public IEnumerable<string> AllIdTags()
    {
        var count = Math.Max(1, IdTagCount ?? TotalConnectors);
        for (var n = 1; n <= count; n++)
        {
            yield return string.Format(CultureInfo.InvariantCulture, IdTagPattern, n);
        }
    }
}
