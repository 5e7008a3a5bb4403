@TC_030_CS @Core @charge-point
Feature: TC_030_CS Unlock Connector - Unlock Failure
  A lock that will not open answers UnlockFailed.

  Scenario: The unlock fails
    Given the Charge Point is booted
    And the next unlock will fail
    When the Central System sends UnlockConnector {"connectorId": <connectorId>}
    Then the Charge Point answers with status UnlockFailed
