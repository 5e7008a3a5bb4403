@TC_038_CS @Core @charge-point
Feature: TC_038_CS Offline Stop Transaction
  A transaction stopped locally while offline is reported after reconnecting, reason Local or omitted.

  Scenario: Stop offline
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester cuts the network
    And the tester presents <validIdTag>
    And the tester restores the network
    Then the Charge Point sends StopTransaction with reason=Local|-, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
