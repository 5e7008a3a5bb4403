@TC_016_CS @Core @charge-point
Feature: TC_016_CS Soft Reset With Transaction
  A soft reset ends the transaction with reason SoftReset (OCPP 1.6 §5.14).

  Scenario: A soft reset during a session
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends Reset {"type": "Soft"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StopTransaction with reason=SoftReset, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
    And the Charge Point eventually sends BootNotification
    And the Charge Point eventually sends StatusNotification with connectorId=<connectorId>, status=Finishing|Preparing
    And the Charge Point reports every other connector with status Available
