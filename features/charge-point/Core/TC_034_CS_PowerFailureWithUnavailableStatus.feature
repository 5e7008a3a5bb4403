@TC_034_CS @Core @charge-point
Feature: TC_034_CS Power Failure with Unavailable Status
  A whole charge point made Inoperative is still Unavailable after a power cycle (OCPP 1.6 §5.2).
  Ambiguity A9 (octt16-cp.md §7): the case leaves the charge point inoperative; each case here gets a new charge point.

  Scenario: Unavailable survives a power cycle
    Given the Charge Point is booted
    When the Central System sends ChangeAvailability {"connectorId": 0, "type": "Inoperative"}
    Then the Charge Point answers with status Accepted
    And the Charge Point reports connector 0 and every connector with status Unavailable
    When the tester cuts the power
    And the tester restores the power
    Then the Charge Point sends BootNotification
    And the Charge Point reports connector 0 and every connector with status Unavailable
