@TC_023_2_CSMS @Core @csms
Feature: TC_023_2_CSMS Start Charging Session - Authorize expired
  The driver presents an id tag it holds as expired; the Central System must answer Authorize with Expired.


  Background:
    Given the charge point is booted

  Scenario: Authorize with the expired id tag
    When the charge point reports the configured connector as Preparing
    And the charge point sends Authorize with the expired id tag
    Then the CSMS answers with id tag status Expired
