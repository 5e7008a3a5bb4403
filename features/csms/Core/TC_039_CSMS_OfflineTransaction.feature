@TC_039_CSMS @Core @csms
Feature: TC_039_CSMS Offline Transaction
  A whole transaction happened offline; both messages arrive afterwards with past timestamps.


  Background:
    Given the charge point is booted

  Scenario: Start and stop delivered after the fact
    When the charge point goes offline
    And the charge point comes back online
    And the charge point sends StartTransaction with the valid id tag and a timestamp in the past
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point sends StopTransaction with reason Local and a timestamp in the past
    Then the CSMS acknowledges it
