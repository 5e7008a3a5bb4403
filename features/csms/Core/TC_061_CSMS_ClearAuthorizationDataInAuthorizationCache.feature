@TC_061_CSMS @Core @csms
Feature: TC_061_CSMS Clear Authorization Data in Authorization Cache
  The operator has the charge point clear its authorization cache; the Central System sends ClearCache
  and processes the answer.


  Background:
    Given the charge point is booted

  Scenario: The operator clears the authorization cache
    Given the charge point will answer ClearCache with status Accepted
    When the operator sends ClearCache
    Then the CSMS sends ClearCache
    And the CSMS reports the charge point's answer to the operator
