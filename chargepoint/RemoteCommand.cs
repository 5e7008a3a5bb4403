namespace OcppLab.ChargePoint;

/// <summary>
/// A request of the Central System that the charge point accepted and that a person at the charge point acts
/// on: after a remote start the driver plugs in, after a remote stop or an unlock the driver takes the cable
/// out. Published after the answer is on the wire and the charge point's own consequences have run.
/// </summary>
/// <param name="Kind">What was asked.</param>
/// <param name="ConnectorId">The connector it applies to.</param>
/// <param name="IdTag">The IdTag authorized by a remote start; null otherwise.</param>
public sealed record RemoteCommand(RemoteCommandKind Kind, int ConnectorId, string? IdTag);
