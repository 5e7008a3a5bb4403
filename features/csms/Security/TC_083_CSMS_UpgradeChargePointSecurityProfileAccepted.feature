@TC_083_CSMS @Security @csms @octt-2025-11
Feature: TC_083_CSMS Upgrade Charge Point Security Profile - Accepted
  Revision 2025-11 only. The operator raises the charge point's security profile by one and resets it. The
  charge point comes back at the higher profile, which the Central System accepts; an attempt at the old
  profile must then be refused.
  OCTT's precondition "the charge point is currently on Security Profile 1 or 2" is a step of its own, so
  that the case starts from the current profile rather than from the declared target profile.


  Background:
    Given the CSMS declares Security Profile 2
    And the charge point is on its current security profile
    And the charge point opens a WebSocket with Basic credentials and the configured password
    And the charge point is booted

  Scenario: Raise the security profile and refuse the old one
    Given the charge point will answer ChangeConfiguration with status Accepted
    And the charge point will answer Reset with status Accepted
    When the operator sends ChangeConfiguration with:
      | key   | SecurityProfile           |
      | value | "{next security profile}" |
    Then the CSMS sends ChangeConfiguration with:
      | key   | SecurityProfile           |
      | value | "{next security profile}" |
    When the operator sends Reset with:
      | type | Hard |
    Then the CSMS sends Reset with:
      | type | Hard |
    When the charge point reconnects at the next security profile
    Then the CSMS accepts the upgrade
    When the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 and every connector as Available
    And the charge point reconnects at its old security profile
    Then the CSMS refuses the upgrade
    When the charge point reconnects at the next security profile
    Then the CSMS accepts the upgrade
