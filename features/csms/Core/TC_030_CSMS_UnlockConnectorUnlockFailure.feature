@TC_030_CSMS @Core @csms
Feature: TC_030_CSMS Unlock Connector - Unlock Failure
  The operator unlocks a connector and the lock fails; the Central System handles the failure.


  Background:
    Given the charge point is booted

  Scenario: Unlock answered UnlockFailed
    Given the charge point will answer UnlockConnector with status UnlockFailed
    When the operator sends UnlockConnector with:
      | connectorId | {connector id} |
    Then the CSMS sends UnlockConnector with:
      | connectorId | {connector id} |
    And the CSMS reports the charge point's answer to the operator
