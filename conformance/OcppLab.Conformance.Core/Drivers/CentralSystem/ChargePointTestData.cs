namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// OCTT's configured values for the charge-point cases (octt16-cp.md §2.3): what a tester types into the
/// tool's test data. Seconds are virtual, so the timers of the cases cost nothing to wait for.
/// </summary>
public sealed class ChargePointTestData
{
    public string ChargePointId { get; init; } = "OCPPLAB-CPUT";

    public int ConnectorId { get; init; } = 1;

    public int NumberOfConnectors { get; init; } = 2;

    /// <summary>A connector id the charge point does not have (TC_031).</summary>
    public int UnknownConnectorId { get; init; } = 9;

    public string ValidIdTag { get; init; } = "VALID001";

    /// <summary>Another valid tag without a parent (TC_051, TC_068).</summary>
    public string ValidIdTag2 { get; init; } = "VALID002";

    /// <summary>Two members of one group (TC_069, TC_053): both answered with <see cref="ParentIdTag"/>.</summary>
    public string GroupIdTag1 { get; init; } = "MEMBER001";

    public string GroupIdTag2 { get; init; } = "MEMBER002";

    public string ParentIdTag { get; init; } = "PARENT01";

    public string InvalidIdTag { get; init; } = "INVALID99";

    public int UnknownTransactionId { get; init; } = 999999;

    public int HeartbeatIntervalSeconds { get; init; } = 30;

    public int MeterValueSampleIntervalSeconds { get; init; } = 10;

    public int ClockAlignedDataIntervalSeconds { get; init; } = 20;

    public int ConnectionTimeOutSeconds { get; init; } = 15;

    /// <summary>TC_041's negative wait for a StartTransaction that must not come.</summary>
    public int TransactionDurationSeconds { get; init; } = 30;

    public int ReservationExpiryOffsetSeconds { get; init; } = 60;

    public int ReservationId { get; init; } = 4711;

    /// <summary>Tolerance on composite startSchedule and the back-dating of profile starts (TC_066, TC_067, TC_072).</summary>
    public int MaxTimeDeviationSeconds { get; init; } = 5;

    /// <summary>How long the lab waits for each expected message (OCTT's message timeout), in virtual seconds.</summary>
    public int MessageTimeoutSeconds { get; init; } = 60;

    public string FirmwareUrl { get; init; } = "http://files.lab.test/firmware/fw-2.0.0.bin";

    public string InvalidFirmwareUrl { get; init; } = "http://files.lab.test/firmware/invalid.bin";

    public string LogLocation { get; init; } = "http://files.lab.test/logs/";
}
