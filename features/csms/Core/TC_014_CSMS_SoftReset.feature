@TC_014_CSMS @Core @csms
Feature: TC_014_CSMS Soft Reset
  The operator resets the charge point (Soft); it comes back on a new connection, boots again and reports
  its connectors. The Central System must take the fresh BootNotification from the same identity.


  Background:
    Given the charge point is booted

  Scenario: Soft reset and reboot
    Given the charge point will answer Reset with status Accepted
    When the operator sends Reset with:
      | type | Soft |
    Then the CSMS sends Reset with:
      | type | Soft |
    When the charge point reboots
    And the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 and every connector as Available
