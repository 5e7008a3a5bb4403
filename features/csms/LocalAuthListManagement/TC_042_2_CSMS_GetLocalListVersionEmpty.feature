@TC_042_2_CSMS @LocalAuthListManagement @csms
Feature: TC_042_2_CSMS Get Local List Version (empty)
  The charge point answers 0: its local authorization list is empty.


  Background:
    Given the charge point is booted

  Scenario: GetLocalListVersion answered 0
    Given the charge point will answer GetLocalListVersion with:
      | listVersion | 0 |
    When the operator sends GetLocalListVersion
    Then the CSMS sends GetLocalListVersion
    And the CSMS reports the charge point's answer to the operator
