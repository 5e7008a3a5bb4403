@TC_014_CS @Core @charge-point
Feature: TC_014_CS Soft Reset Without Transaction
  As TC_013 with a soft reset. A BootNotification after a soft reset is optional in OCTT; our charge
  point sends one, so the status reports are checked as after a hard reset.

  Scenario: An inoperative connector is still unavailable after a soft reset
    Given the Charge Point is booted
    When the Central System sends ChangeAvailability {"connectorId": <connectorId>, "type": "Inoperative"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Unavailable
    When the Central System sends Reset {"type": "Soft"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends BootNotification
    And the Charge Point eventually sends StatusNotification with connectorId=<connectorId>, status=Unavailable
    And the Charge Point reports every other connector with status Available
    When the Central System sends ChangeAvailability {"connectorId": <connectorId>, "type": "Operative"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
