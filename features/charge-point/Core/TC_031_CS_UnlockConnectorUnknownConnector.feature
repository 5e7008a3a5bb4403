@TC_031_CS @Core @charge-point
Feature: TC_031_CS Unlock Connector - Unknown Connector
  An unknown connector answers NotSupported as a payload status, not a CALLERROR (octt16-cp.md §5).

  Scenario: Unlock a connector that does not exist
    Given the Charge Point is booted
    When the Central System sends UnlockConnector {"connectorId": <unknownConnectorId>}
    Then the Charge Point answers with status NotSupported
