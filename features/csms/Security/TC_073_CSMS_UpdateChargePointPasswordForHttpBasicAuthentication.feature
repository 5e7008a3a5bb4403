@TC_073_CSMS @Security @csms
Feature: TC_073_CSMS Update Charge Point Password for HTTP Basic Authentication
  The operator installs a new Basic password through the AuthorizationKey key. Per revision 2025-11 the
  value is the hex form of a 16 to 20 byte password (at most 40 characters). The charge point reconnects
  with the new password, which the Central System must accept; the old one must no longer work.


  Background:
    Given the CSMS declares Security Profile 1 or 2
    And the charge point opens a WebSocket with Basic credentials and the configured password
    And the charge point is booted

  Scenario: The CSMS installs a new password and honours only that one
    Given the charge point will answer ChangeConfiguration with status Accepted
    When the operator sends ChangeConfiguration with:
      | key   | AuthorizationKey        |
      | value | "{new password as hex}" |
    Then the CSMS sends ChangeConfiguration with:
      | key   | AuthorizationKey        |
      | value | "{new password as hex}" |
    When the charge point goes offline
    And the charge point opens a WebSocket with Basic credentials and the old password
    Then the CSMS refuses the upgrade
    When the charge point opens a WebSocket with Basic credentials and the new password
    Then the CSMS accepts the upgrade
    When the charge point sends BootNotification
    Then the CSMS answers with status Accepted
