@TC_012_CS @Core @charge-point
Feature: TC_012_CS Remote Stop Charging Session
  RemoteStopTransaction ends the running transaction with reason Remote (OCPP 1.6 §5.12).

  Scenario: The Central System stops the session
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends RemoteStopTransaction {"transactionId": <transactionId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StopTransaction with reason=Remote, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
