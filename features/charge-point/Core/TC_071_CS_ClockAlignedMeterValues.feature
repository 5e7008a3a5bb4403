@TC_071_CS @Core @charge-point
Feature: TC_071_CS Clock-aligned Meter Values
  Clock-aligned readings fall on wall-clock multiples of ClockAlignedDataInterval, with context
  Sample.Clock (OCPP 1.6 §3.16.2).

  Scenario: Aligned readings during a session
    Given the Charge Point is configured with MeterValueSampleInterval = 0
    And the Charge Point is configured with ClockAlignedDataInterval = <clockAlignedDataInterval>
    And the Charge Point is booted
    When the Central System sends GetConfiguration {"key": ["MeterValuesAlignedData"]}
    Then the Charge Point answers with configurationKey[0].key=MeterValuesAlignedData
    Given the Charge Point is in state Charging
    When 7 seconds pass
    Then the Charge Point sends MeterValues every <clockAlignedDataInterval> seconds, 3 times
    And the MeterValues timestamps are aligned to <clockAlignedDataInterval> seconds
    And every MeterValues sent in the transaction has one sampled value per measurand of MeterValuesAlignedData with context Sample.Clock
