@TC_007_CSMS @Core @csms
Feature: TC_007_CSMS Regular Start Charging Session - Cached Id
  The charge point found the id tag in its authorization cache and starts the transaction without asking
  first: the Central System sees StartTransaction with no Authorize before it.


  Background:
    Given the charge point is booted

  Scenario: Start with an id tag from the authorization cache
    When the charge point reports the configured connector as Preparing
    And the charge point sends StartTransaction with the valid id tag
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
