@TC_055_CS @RemoteTrigger @charge-point
Feature: TC_055_CS Trigger Message - Rejected
  A connector beyond NumberOfConnectors is refused and nothing is sent.

  Scenario: Trigger MeterValues on a connector that does not exist
    Given the Charge Point is booted
    When the Central System sends TriggerMessage {"requestedMessage": "MeterValues", "connectorId": <numberOfConnectors+1>}
    Then the Charge Point answers with status Rejected or a CALLERROR
    And the Charge Point sends no MeterValues within 5 seconds
