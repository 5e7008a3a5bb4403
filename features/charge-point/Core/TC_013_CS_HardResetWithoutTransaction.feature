@TC_013_CS @Core @charge-point
Feature: TC_013_CS Hard Reset Without Transaction
  Availability set by the Central System survives a hard reset (OCPP 1.6 §5.2, §5.14).

  Scenario: An inoperative connector is still unavailable after a hard reset
    Given the Charge Point is booted
    When the Central System sends ChangeAvailability {"connectorId": <connectorId>, "type": "Inoperative"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Unavailable
    When the Central System sends Reset {"type": "Hard"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends BootNotification
    And the Charge Point eventually sends StatusNotification with connectorId=<connectorId>, status=Unavailable
    And the Charge Point reports every other connector with status Available
    When the Central System sends ChangeAvailability {"connectorId": <connectorId>, "type": "Operative"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
