@TC_021_CSMS @Core @csms
Feature: TC_021_CSMS Change/set Configuration
  The operator sets MeterValueSampleInterval to 60.


  Background:
    Given the charge point is booted

  Scenario: ChangeConfiguration accepted
    Given the charge point will answer ChangeConfiguration with status Accepted
    When the operator sends ChangeConfiguration with:
      | key   | MeterValueSampleInterval |
      | value | "60"                     |
    Then the CSMS sends ChangeConfiguration with:
      | key   | MeterValueSampleInterval |
      | value | "60"                     |
    And the CSMS reports the charge point's answer to the operator
