@TC_017_2_CSMS @Core @csms
Feature: TC_017_2_CSMS Unlock connector - no charging session running (Fixed cable)
  The operator unlocks an idle connector with a fixed cable; the charge point cannot, and says so.


  Background:
    Given the charge point is booted

  Scenario: Unlock answered NotSupported
    Given the charge point will answer UnlockConnector with status NotSupported
    When the operator sends UnlockConnector with:
      | connectorId | {connector id} |
    Then the CSMS sends UnlockConnector with:
      | connectorId | {connector id} |
    And the CSMS reports the charge point's answer to the operator
