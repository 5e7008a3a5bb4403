@TC_024_CSMS @Core @csms
Feature: TC_024_CSMS Start Charging Session Lock Failure
  The connector fails to lock the cable after authorization; the charge point reports the fault.


  Background:
    Given the charge point is booted

  Scenario: The connector lock fails
    Given the charge point has authorized the valid id tag
    When the charge point reports the configured connector as Preparing
    And the charge point reports the configured connector as Faulted with error code ConnectorLockFailure
    Then the CSMS acknowledges it
