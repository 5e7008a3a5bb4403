namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>What a scenario does to the charge points of a shard (0-based within the shard).</summary>
internal interface IFleetControls
{
    /// <summary>The stages want charge point <paramref name="k"/> powered or not.</summary>
    void SetWanted(int k, bool on);

    /// <summary>Starts (<paramref name="hit"/>) or ends a fault on <paramref name="victims"/>.</summary>
    void Inject(FaultInjection fault, IReadOnlyList<int> victims, bool hit);
}
