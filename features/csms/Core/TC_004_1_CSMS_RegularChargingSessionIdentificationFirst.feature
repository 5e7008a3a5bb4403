@TC_004_1_CSMS @Core @csms
Feature: TC_004_1_CSMS Regular Charging Session - Identification First
  The driver presents the id tag first and plugs in afterwards: the reusable state Charging, whose checks
  are those of its steps (Authorize and StartTransaction accepted).


  Background:
    Given the charge point is booted

  Scenario Outline: Authorize, plug in, start charging (Charging reported <order> StartTransaction)
    Given the charge point has authorized the valid id tag
    When the charge point reports the configured connector as Preparing
    And the charge point starts a transaction with the valid id tag, reporting Charging <order> StartTransaction
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id

    Examples:
      | order  |
      | after  |
      | before |
