@TC_013_CSMS @Core @csms
Feature: TC_013_CSMS Hard Reset
  The operator resets the charge point (Hard); it comes back on a new connection, boots again and reports
  its connectors. The Central System must take the fresh BootNotification from the same identity.


  Background:
    Given the charge point is booted

  Scenario: Hard reset and reboot
    Given the charge point will answer Reset with status Accepted
    When the operator sends Reset with:
      | type | Hard |
    Then the CSMS sends Reset with:
      | type | Hard |
    When the charge point reboots
    And the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 and every connector as Available
