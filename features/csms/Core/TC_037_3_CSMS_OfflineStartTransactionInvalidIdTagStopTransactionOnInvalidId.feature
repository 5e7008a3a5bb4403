@TC_037_3_CSMS @Core @csms
Feature: TC_037_3_CSMS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true
  An offline transaction was started with a tag the Central System does not know. It answers Invalid but
  must still hand out a transactionId; the charge point, configured to stop on an invalid id, ends the
  transaction with reason DeAuthorized.


  Background:
    Given the charge point is booted

  Scenario: An offline transaction with an unknown tag is deauthorized
    When the charge point goes offline
    And the charge point comes back online
    And the charge point sends StartTransaction with the invalid id tag and a timestamp in the past
    Then the CSMS answers StartTransaction with id tag status Invalid and a transaction id
    When the charge point reports the configured connector as Charging
    And the charge point sends StopTransaction with reason DeAuthorized
    Then the CSMS acknowledges it
    When the charge point reports the configured connector as Finishing
