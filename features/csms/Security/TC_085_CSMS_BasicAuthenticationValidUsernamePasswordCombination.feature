@TC_085_CSMS @Security @csms
Feature: TC_085_CSMS Basic Authentication - Valid username/password combination
  Revision 2025-11: an upgrade without an Authorization header must be refused (401 assumed); one with
  Basic credentials (user name = the charge point identity, the configured password) is accepted, and the
  charge point boots.


  Background:
    Given the CSMS declares Security Profile 1 or 2

  Scenario: Refused without credentials, accepted with them
    When the charge point opens a WebSocket without credentials
    Then the CSMS refuses the upgrade with HTTP 401
    When the charge point opens a WebSocket with Basic credentials and the configured password
    Then the CSMS accepts the upgrade
    When the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 and every connector as Available
