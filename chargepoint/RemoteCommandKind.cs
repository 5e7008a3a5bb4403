namespace OcppLab.ChargePoint;

/// <summary>The accepted Central System requests a driver acts on (OCPP 1.6 §5.11, §5.12, §5.17).</summary>
public enum RemoteCommandKind
{
    /// <summary>RemoteStartTransaction accepted and the IdTag authorized: the connector waits for a cable.</summary>
    Start,

    /// <summary>RemoteStopTransaction accepted: the transaction stopped with reason Remote.</summary>
    Stop,

    /// <summary>UnlockConnector answered Unlocked: a transaction stopped with reason UnlockCommand, the cable is free.</summary>
    Unlock,
}
