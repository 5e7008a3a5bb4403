@TC_001_CS @Core @charge-point
Feature: TC_001_CS Cold Boot Charge Point
  After a power cycle the charge point registers. While the Central System rejects it, it stays silent
  and retries only when the interval from the rejection has passed (OCPP 1.6 §4.2.1); once accepted it
  reports every connector and beats at the interval it was given.

  Scenario: A rejected charge point waits out the interval, then registers and beats
    Given the Central System answers BootNotification with Rejected and an interval of 20 seconds
    When the tester powers on the Charge Point
    Then the Charge Point sends BootNotification
    And the Charge Point sends nothing for 19 seconds
    And the Charge Point sends BootNotification
    And the Charge Point reports connector 0 and every connector with status Available
    And the Charge Point sends Heartbeat every <heartbeatInterval> seconds, 3 times
