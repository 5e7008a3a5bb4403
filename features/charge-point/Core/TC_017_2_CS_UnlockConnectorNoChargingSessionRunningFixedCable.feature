@TC_017_2_CS @Core @charge-point
Feature: TC_017_2_CS Unlock connector - no charging session running (Fixed cable)
  A tethered cable cannot be unlocked: NotSupported, as a payload status (OCPP 1.6 §7.48).

  Scenario: Unlock a fixed cable
    Given the Charge Point has a fixed cable
    And the Charge Point is booted
    When the Central System sends UnlockConnector {"connectorId": <connectorId>}
    Then the Charge Point answers with status NotSupported
