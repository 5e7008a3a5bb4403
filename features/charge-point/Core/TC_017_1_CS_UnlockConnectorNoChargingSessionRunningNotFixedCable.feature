@TC_017_1_CS @Core @charge-point
Feature: TC_017_1_CS Unlock connector - no charging session running (Not fixed cable)
  An idle socket unlocks on request (OCPP 1.6 §5.18).

  Scenario: Unlock an idle socket
    Given the Charge Point is booted
    When the Central System sends UnlockConnector {"connectorId": <connectorId>}
    Then the Charge Point answers with status Unlocked
