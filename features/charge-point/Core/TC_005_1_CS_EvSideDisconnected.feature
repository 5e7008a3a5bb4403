@TC_005_1_CS @Core @charge-point
Feature: TC_005_1_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect true, UnlockConnectorOnEVSideDisconnect true
  With both keys true, pulling the cable at the EV ends the transaction with reason EVDisconnected
  (OCPP 1.6 §9.1.23). Applies to a charge point with a socket.

  Scenario: The EV side is unplugged and the transaction stops
    Given the Charge Point is configured with MinimumStatusDuration = 0
    And the Charge Point is configured with StopTransactionOnEVSideDisconnect = true
    And the Charge Point is configured with UnlockConnectorOnEVSideDisconnect = true
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester unplugs the cable at the EV side
    Then the Charge Point sends StopTransaction with reason=EVDisconnected, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
