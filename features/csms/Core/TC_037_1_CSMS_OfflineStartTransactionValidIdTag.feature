@TC_037_1_CSMS @Core @csms
Feature: TC_037_1_CSMS Offline Start Transaction - Valid IdTag
  The charge point started a transaction with a valid tag while offline and delivers StartTransaction,
  stamped with the time it happened, once it is back online.


  Background:
    Given the charge point is booted

  Scenario: A transaction started offline is delivered later
    When the charge point goes offline
    And the charge point comes back online
    And the charge point sends StartTransaction with the valid id tag and a timestamp in the past
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
