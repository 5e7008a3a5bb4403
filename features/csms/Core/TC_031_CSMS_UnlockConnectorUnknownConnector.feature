@TC_031_CSMS @Core @csms
Feature: TC_031_CSMS Unlock Connector - Unknown Connector
  The operator asks to unlock a connector the charge point does not have; the Central System must be able
  to send it and handle the NotSupported answer.


  Background:
    Given the charge point is booted

  Scenario: Unlock a connector that does not exist
    Given the charge point will answer UnlockConnector with status NotSupported
    When the operator sends UnlockConnector with:
      | connectorId | {unknown connector id} |
    Then the CSMS sends UnlockConnector with:
      | connectorId | {unknown connector id} |
    And the CSMS reports the charge point's answer to the operator
