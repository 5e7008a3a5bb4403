@TC_028_CSMS @Core @csms
Feature: TC_028_CSMS Remote Stop Transaction - Rejected
  During a transaction the operator stops a transaction id the charge point does not know; it rejects the
  request. The Central System must be able to send a RemoteStopTransaction for any id.


  Background:
    Given the charge point is booted
    And a charging session is running on the configured connector

  Scenario: Remote stop of an unknown transaction rejected
    Given the charge point will answer RemoteStopTransaction with status Rejected
    When the operator sends RemoteStopTransaction with:
      | transactionId | {unknown transaction id} |
    Then the CSMS sends RemoteStopTransaction with:
      | transactionId | {unknown transaction id} |
    And the CSMS reports the charge point's answer to the operator
