@TC_012_CSMS @Core @csms
Feature: TC_012_CSMS Remote Stop Charging Session
  The operator stops the running transaction remotely; the charge point ends it with reason Remote.


  Background:
    Given the charge point is booted
    And a charging session is running on the configured connector

  Scenario Outline: Remote stop of the running transaction (Finishing reported <order> StopTransaction)
    When the operator sends RemoteStopTransaction with:
      | transactionId | {transaction id} |
    Then the CSMS sends RemoteStopTransaction with:
      | transactionId | {transaction id} |
    When the charge point stops the transaction with reason Remote, reporting Finishing <order> StopTransaction
    And the charge point reports the configured connector as Available

    Examples:
      | order  |
      | after  |
      | before |
