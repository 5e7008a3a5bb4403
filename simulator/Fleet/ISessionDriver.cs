namespace OcppLab.Simulator.Fleet;

/// <summary>What a charging session does to one charge point: the seam between the arrival process and the charge point.</summary>
public interface ISessionDriver
{
    /// <summary>Whether the charge point can take a session now (connected and accepted by the Central System).</summary>
    bool IsReady { get; }

    /// <summary>The EV arrives: plug in, set the EV's demand, present the card. True when the card was accepted.</summary>
    Task<bool> BeginAsync(int connectorId, string idTag, decimal evDemandAmperes, CancellationToken cancellationToken);

    /// <summary>The EV arrives for a session the Central System started remotely: plug in, set the EV's demand. True when a transaction started.</summary>
    bool PlugIn(int connectorId, decimal evDemandAmperes);

    /// <summary>The cable comes out (after the Central System ended the session).</summary>
    void Unplug(int connectorId);

    /// <summary>The driver leaves: stop the transaction (the same card again) and unplug.</summary>
    Task EndAsync(int connectorId, string idTag, CancellationToken cancellationToken);
}
