@TC_040_1_CSMS @Core @csms
Feature: TC_040_1_CSMS Configuration keys - NotSupported
  The operator sets a key the charge point does not know; the Central System must let the operator name
  any key and must handle NotSupported.


  Background:
    Given the charge point is booted

  Scenario: ChangeConfiguration of an unknown key
    Given the charge point will answer ChangeConfiguration with status NotSupported
    When the operator sends ChangeConfiguration with:
      | key   | {unknown configuration key} |
      | value | "1"                         |
    Then the CSMS sends ChangeConfiguration with:
      | key | {unknown configuration key} |
    And the CSMS reports the charge point's answer to the operator
