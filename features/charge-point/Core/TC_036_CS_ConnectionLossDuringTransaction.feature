@TC_036_CS @Core @charge-point
Feature: TC_036_CS Connection Loss During Transaction
  Transaction meter values taken offline are queued and delivered oldest first after reconnecting
  (OCPP 1.6 §4.7, §3.16).

  Scenario: Samples taken offline arrive in order
    Given the Charge Point is configured with MeterValueSampleInterval = <meterValueSampleInterval>
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester cuts the network
    And 35 seconds pass
    And the tester restores the network
    Then the Charge Point sends MeterValues every <meterValueSampleInterval> seconds, 3 times
