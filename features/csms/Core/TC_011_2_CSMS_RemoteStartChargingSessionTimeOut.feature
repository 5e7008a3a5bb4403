@TC_011_2_CSMS @Core @csms
Feature: TC_011_2_CSMS Remote Start Charging Session - Time Out
  The operator starts a session remotely but nobody plugs in; after the connection timeout the charge
  point gives the connector back and no transaction follows.


  Background:
    Given the charge point is booted

  Scenario: Remote start times out without a cable
    When the operator sends RemoteStartTransaction with:
      | idTag       | {valid id tag} |
      | connectorId | {connector id} |
    Then the CSMS sends RemoteStartTransaction
    When the charge point sends Authorize with the valid id tag
    Then the CSMS answers with id tag status Accepted
    When the charge point reports the configured connector as Preparing
    And the charge point reports the configured connector as Available
    Then the CSMS sends no RemoteStopTransaction
