@TC_032_2_CS @Core @charge-point
Feature: TC_032_2_CS Power failure boot charge point - stop transactions after restart
  Without backup power the open transaction survives the outage and is ended, with reason PowerLoss,
  once the charge point is back; OCTT also accepts a resumed transaction stopped locally.

  Scenario: Power cut without backup power
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester cuts the power
    And the tester restores the power
    Then the Charge Point sends BootNotification
    And the Charge Point eventually sends StopTransaction with reason=PowerLoss, transactionId=<transactionId>
    And the Charge Point eventually sends StatusNotification with connectorId=<connectorId>, status=Finishing|Preparing
    And the Charge Point reports every other connector with status Available
