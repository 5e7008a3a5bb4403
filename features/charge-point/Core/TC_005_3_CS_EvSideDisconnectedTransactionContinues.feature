@TC_005_3_CS @Core @charge-point
Feature: TC_005_3_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect false, UnlockConnectorOnEVSideDisconnect false
  With StopTransactionOnEVSideDisconnect false the transaction continues, suspended, until the Central
  System stops it (OCPP 1.6 §9.1.23).
  Ambiguity A4 (octt16-cp.md §7): the info text is sent exactly as "EV side disconnected", the wording
  OCTT compares.

  Scenario: The suspended transaction is stopped remotely
    Given the Charge Point is configured with MinimumStatusDuration = 0
    And the Charge Point is configured with StopTransactionOnEVSideDisconnect = false
    And the Charge Point is configured with UnlockConnectorOnEVSideDisconnect = false
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester unplugs the cable at the EV side
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=SuspendedEV|SuspendedEVSE, info=EV side disconnected
    And the Charge Point sends no StopTransaction within 5 seconds
    When the Central System sends RemoteStopTransaction {"transactionId": <transactionId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing|Available
    And the Charge Point sends StopTransaction with reason=Remote, transactionId=<transactionId>
