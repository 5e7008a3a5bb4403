@TC_026_CS @Core @charge-point
Feature: TC_026_CS Remote Start Charging Session - Rejected
  A connector with a transaction cannot take a second one.

  Scenario: Remote start on a busy connector
    Given the Charge Point is configured with LocalPreAuthorize = false
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends RemoteStartTransaction {"connectorId": <connectorId>, "idTag": "<validIdTag>"}
    Then the Charge Point answers with status Rejected
