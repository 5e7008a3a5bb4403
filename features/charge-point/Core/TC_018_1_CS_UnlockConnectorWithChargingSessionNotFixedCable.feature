@TC_018_1_CS @Core @charge-point
Feature: TC_018_1_CS Unlock Connector - With Charging Session (Not fixed cable)
  Unlocking during a session first stops it with reason UnlockCommand (OCPP 1.6 §5.18).

  Scenario: Unlock a socket during a session
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends UnlockConnector {"connectorId": <connectorId>}
    Then the Charge Point answers with status Unlocked
    And the Charge Point sends StopTransaction with reason=UnlockCommand, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
    When the tester unplugs the cable
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
