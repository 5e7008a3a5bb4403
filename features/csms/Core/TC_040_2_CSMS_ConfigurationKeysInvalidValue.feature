@TC_040_2_CSMS @Core @csms
Feature: TC_040_2_CSMS Configuration keys - Invalid value
  The operator sets MeterValueSampleInterval to a value the charge point refuses. Revision 2025-11 only
  checks the key, so the value is the configured invalid one.


  Background:
    Given the charge point is booted

  Scenario: ChangeConfiguration with an invalid value
    Given the charge point will answer ChangeConfiguration with status Rejected
    When the operator sends ChangeConfiguration with:
      | key   | MeterValueSampleInterval        |
      | value | "{invalid configuration value}" |
    Then the CSMS sends ChangeConfiguration with:
      | key | MeterValueSampleInterval |
    And the CSMS reports the charge point's answer to the operator
