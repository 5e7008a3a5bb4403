@TC_070_CS @Core @charge-point
Feature: TC_070_CS Sampled Meter Values
  During a transaction the charge point samples every MeterValueSampleInterval from the start, with
  context Sample.Periodic and one value per configured measurand (OCPP 1.6 §3.16.1). OCTT watches 3 intervals.

  Scenario: Periodic samples during a session
    Given the Charge Point is configured with MeterValueSampleInterval = <meterValueSampleInterval>
    And the Charge Point is configured with ClockAlignedDataInterval = 0
    And the Charge Point is booted
    When the Central System sends GetConfiguration {"key": ["MeterValuesSampledData"]}
    Then the Charge Point answers with configurationKey[0].key=MeterValuesSampledData
    Given the Charge Point is in state Charging
    Then the Charge Point sends MeterValues every <meterValueSampleInterval> seconds, 3 times
    And every MeterValues sent in the transaction has one sampled value per measurand of MeterValuesSampledData with context Sample.Periodic
