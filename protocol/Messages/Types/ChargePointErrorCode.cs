using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargePointErrorCode (OCPP 1.6 §7.6): the error reported in a StatusNotification.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargePointErrorCode>))]
public enum ChargePointErrorCode
{
    /// <summary>The connector could not be locked or unlocked.</summary>
    ConnectorLockFailure,

    /// <summary>Communication with the vehicle failed; leads to SuspendedEVSE rather than Faulted.</summary>
    EVCommunicationError,

    /// <summary>The ground fault circuit interrupter tripped.</summary>
    GroundFailure,

    /// <summary>The temperature inside the charge point is too high.</summary>
    HighTemperature,

    /// <summary>An internal hardware or software component failed.</summary>
    InternalError,

    /// <summary>Authorization data from the Central System conflicts with the local authorization list.</summary>
    LocalListConflict,

    /// <summary>Nothing to report.</summary>
    NoError,

    /// <summary>Some other error; details go in vendorErrorCode.</summary>
    OtherError,

    /// <summary>The over-current protection tripped.</summary>
    OverCurrentFailure,

    /// <summary>The voltage rose above an acceptable level.</summary>
    OverVoltage,

    /// <summary>The meter could not be read.</summary>
    PowerMeterFailure,

    /// <summary>The power switch could not be controlled.</summary>
    PowerSwitchFailure,

    /// <summary>The idTag reader failed.</summary>
    ReaderFailure,

    /// <summary>A reset could not be performed.</summary>
    ResetFailure,

    /// <summary>The voltage dropped below an acceptable level.</summary>
    UnderVoltage,

    /// <summary>The wireless modem reports a weak signal.</summary>
    WeakSignal,
}
