@TC_023_3_CSMS @Core @csms
Feature: TC_023_3_CSMS Start Charging Session - Authorize blocked
  The driver presents an id tag it holds as blocked; the Central System must answer Authorize with Blocked.


  Background:
    Given the charge point is booted

  Scenario: Authorize with the blocked id tag
    When the charge point reports the configured connector as Preparing
    And the charge point sends Authorize with the blocked id tag
    Then the CSMS answers with id tag status Blocked
