using OcppLab.ChargePoint;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Simulator.Fleet;

/// <summary>Sessions on a <see cref="VirtualChargePoint"/> through its driving API.</summary>
public sealed class ChargePointSessionDriver(VirtualChargePoint chargePoint) : ISessionDriver
{
    /// <inheritdoc/>
    public bool IsReady => chargePoint.IsConnected && chargePoint.Registration == RegistrationStatus.Accepted;

    /// <inheritdoc/>
    public async Task<bool> BeginAsync(int connectorId, string idTag, decimal evDemandAmperes, CancellationToken cancellationToken)
    {
        chargePoint.PlugIn(connectorId);
        chargePoint.SetEvDemand(connectorId, evDemandAmperes);
        var status = await chargePoint.PresentIdTagAsync(connectorId, idTag, cancellationToken);
        if (status == AuthorizationStatus.Accepted)
        {
            return true;
        }

        chargePoint.Unplug(connectorId);
        return false;
    }

    /// <inheritdoc/>
    public bool PlugIn(int connectorId, decimal evDemandAmperes)
    {
        chargePoint.SetEvDemand(connectorId, evDemandAmperes);
        chargePoint.PlugIn(connectorId);
        return chargePoint.TransactionOn(connectorId) is not null;
    }

    /// <inheritdoc/>
    public void Unplug(int connectorId) => chargePoint.Unplug(connectorId);

    /// <inheritdoc/>
    public async Task EndAsync(int connectorId, string idTag, CancellationToken cancellationToken)
    {
        // The Central System may have ended the transaction already (e.g. StartTransaction.conf not Accepted):
        // presenting the card then would authorize a new session instead of stopping one.
        if (chargePoint.TransactionOn(connectorId) is not null)
        {
            await chargePoint.PresentIdTagAsync(connectorId, idTag, cancellationToken);
        }

        chargePoint.Unplug(connectorId);
    }
}
