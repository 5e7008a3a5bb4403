@TC_018_1_CSMS @Core @csms
Feature: TC_018_1_CSMS Unlock Connector - With Charging Session (Not fixed cable)
  Unlocking a connector in use ends its transaction with reason UnlockCommand.


  Background:
    Given the charge point is booted
    And a charging session is running on the configured connector

  Scenario Outline: Unlock during a transaction (Finishing reported <order> StopTransaction)
    Given the charge point will answer UnlockConnector with status Unlocked
    When the operator sends UnlockConnector with:
      | connectorId | {connector id} |
    Then the CSMS sends UnlockConnector with:
      | connectorId | {connector id} |
    When the charge point stops the transaction with reason UnlockCommand, reporting Finishing <order> StopTransaction
    And the charge point reports the configured connector as Available

    Examples:
      | order  |
      | before |
      | after  |
