@TC_032_1_CS @Core @charge-point
Feature: TC_032_1_CS Power failure boot charge point - stop transactions before going down
  On backup power the charge point ends its transactions with reason PowerLoss before it goes down.

  Scenario: Power cut with backup power
    Given the Charge Point has backup power
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester cuts the power
    Then the Charge Point sends StopTransaction with reason=PowerLoss, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
    When the tester restores the power
    Then the Charge Point sends BootNotification
    And the Charge Point eventually sends StatusNotification with connectorId=<connectorId>, status=Finishing|Preparing
    And the Charge Point reports every other connector with status Available
