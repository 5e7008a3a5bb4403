@TC_005_1_CSMS @Core @csms
Feature: TC_005_1_CSMS EV Side Disconnected
  With StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect both true, pulling the cable
  at the EV ends the transaction with reason EVDisconnected.


  Background:
    Given the charge point is booted
    And a charging session is running on the configured connector

  Scenario Outline: The cable is pulled at the EV side (Finishing reported <order> StopTransaction)
    When the charge point reports the configured connector as SuspendedEV
    And the charge point stops the transaction with reason EVDisconnected, reporting Finishing <order> StopTransaction
    When the charge point reports the configured connector as Available

    Examples:
      | order  |
      | after  |
      | before |
