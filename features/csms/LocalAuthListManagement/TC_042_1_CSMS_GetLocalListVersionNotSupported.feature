@TC_042_1_CSMS @LocalAuthListManagement @csms
Feature: TC_042_1_CSMS Get Local List Version (not supported)
  The charge point answers -1: it has no local authorization list support. The Central System handles it.


  Background:
    Given the charge point is booted

  Scenario: GetLocalListVersion answered -1
    Given the charge point will answer GetLocalListVersion with:
      | listVersion | -1 |
    When the operator sends GetLocalListVersion
    Then the CSMS sends GetLocalListVersion
    And the CSMS reports the charge point's answer to the operator
