@TC_015_CS @Core @charge-point
Feature: TC_015_CS Hard Reset With Transaction
  A hard reset ends the transaction with reason HardReset (OCPP 1.6 §5.14), before or after the reboot.

  Scenario: A hard reset during a session
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends Reset {"type": "Hard"}
    Then the Charge Point answers with status Accepted
    And the Charge Point eventually sends StopTransaction with reason=HardReset, transactionId=<transactionId>
    And the Charge Point eventually sends BootNotification
    And the Charge Point eventually sends StatusNotification with connectorId=<connectorId>, status=Finishing|Preparing
    And the Charge Point reports every other connector with status Available
