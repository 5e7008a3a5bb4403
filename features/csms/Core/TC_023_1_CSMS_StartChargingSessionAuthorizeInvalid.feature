@TC_023_1_CSMS @Core @csms
Feature: TC_023_1_CSMS Start Charging Session - Authorize invalid
  The driver presents an id tag it does not know; the Central System must answer Authorize with Invalid.


  Background:
    Given the charge point is booted

  Scenario: Authorize with the invalid id tag
    When the charge point reports the configured connector as Preparing
    And the charge point sends Authorize with the invalid id tag
    Then the CSMS answers with id tag status Invalid
