@TC_005_2_CS @Core @charge-point
Feature: TC_005_2_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect true, UnlockConnectorOnEVSideDisconnect false
  The transaction ends, but the connector stays locked until the Central System unlocks it.

  Scenario: The transaction stops and the Central System unlocks the connector
    Given the Charge Point is configured with MinimumStatusDuration = 0
    And the Charge Point is configured with StopTransactionOnEVSideDisconnect = true
    And the Charge Point is configured with UnlockConnectorOnEVSideDisconnect = false
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester unplugs the cable at the EV side
    Then the Charge Point sends StopTransaction with reason=EVDisconnected, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing|Available
    When the Central System sends UnlockConnector {"connectorId": <connectorId>}
    Then the Charge Point answers with status Unlocked or NotSupported
