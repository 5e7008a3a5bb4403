@TC_018_2_CS @Core @charge-point
Feature: TC_018_2_CS Unlock Connector - With Charging Session (Fixed cable)
  A fixed cable answers NotSupported and the session goes on.

  Scenario: Unlock a fixed cable during a session
    Given the Charge Point has a fixed cable
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends UnlockConnector {"connectorId": <connectorId>}
    Then the Charge Point answers with status NotSupported
    And the Charge Point sends no StopTransaction within 5 seconds
    And the transaction on the configured connector is still running
