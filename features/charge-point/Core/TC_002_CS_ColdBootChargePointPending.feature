@TC_002_CS @Core @charge-point
Feature: TC_002_CS Cold Boot Charge Point - Pending
  A charge point held in Pending must still serve the Central System's requests (OCPP 1.6 §4.2.1) and
  boot again after the interval.

  Scenario: A pending charge point is configured, then accepted
    Given the Central System answers BootNotification with Pending and an interval of 20 seconds
    When the tester powers on the Charge Point
    Then the Charge Point sends BootNotification
    When the Central System sends GetConfiguration
    Then the Charge Point answers with configurationKey[0].key=*
    When the Central System sends ChangeConfiguration {"key": "MeterValueSampleInterval", "value": "<meterValueSampleInterval>"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends BootNotification
    And the Charge Point reports connector 0 and every connector with status Available
    And the Charge Point sends Heartbeat every <heartbeatInterval> seconds, 2 times
