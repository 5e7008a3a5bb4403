@TC_017_1_CSMS @Core @csms
Feature: TC_017_1_CSMS Unlock connector - no charging session running (Not fixed cable)
  The operator unlocks an idle connector with a detachable cable; it unlocks.


  Background:
    Given the charge point is booted

  Scenario: Unlock answered Unlocked
    Given the charge point will answer UnlockConnector with status Unlocked
    When the operator sends UnlockConnector with:
      | connectorId | {connector id} |
    Then the CSMS sends UnlockConnector with:
      | connectorId | {connector id} |
    And the CSMS reports the charge point's answer to the operator
