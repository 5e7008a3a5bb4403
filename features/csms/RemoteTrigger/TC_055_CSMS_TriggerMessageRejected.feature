@TC_055_CSMS @RemoteTrigger @csms
Feature: TC_055_CSMS Trigger Message - Rejected
  The operator triggers MeterValues for a connector beyond NumberOfConnectors; the charge point rejects it.
  The connector id comes from revision 2024-04; 2025-11 only checks the requested message.


  Background:
    Given the charge point is booted

  Scenario: Trigger for a connector that does not exist
    Given the charge point will answer TriggerMessage with status Rejected
    When the operator sends TriggerMessage with:
      | requestedMessage | MeterValues            |
      | connectorId      | {unknown connector id} |
    Then the CSMS sends TriggerMessage with:
      | requestedMessage | MeterValues |
    And the CSMS reports the charge point's answer to the operator
