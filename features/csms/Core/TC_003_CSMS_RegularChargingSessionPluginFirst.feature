@TC_003_CSMS @Core @csms
Feature: TC_003_CSMS Regular Charging Session - Plugin First
  The driver plugs in before presenting the id tag; the charge point then authorizes and starts the
  transaction. OCTT lets StatusNotification Charging arrive before or after StartTransaction, so both
  orders are run.


  Background:
    Given the charge point is booted

  Scenario Outline: Plug in, authorize, start charging (Charging reported <order> StartTransaction)
    When the charge point reports the configured connector as Preparing
    And the charge point sends Authorize with the valid id tag
    Then the CSMS answers with id tag status Accepted
    When the charge point starts a transaction with the valid id tag, reporting Charging <order> StartTransaction
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id

    Examples:
      | order  |
      | after  |
      | before |
