@TC_011_1_CSMS @Core @csms
Feature: TC_011_1_CSMS Remote Start Charging Session - Remote Start First
  The operator starts the session remotely before the cable is plugged in.


  Background:
    Given the charge point is booted

  Scenario: Remote start, then the cable is plugged in
    When the operator sends RemoteStartTransaction with:
      | idTag       | {valid id tag} |
      | connectorId | {connector id} |
    Then the CSMS sends RemoteStartTransaction with:
      | idTag | {valid id tag} |
    When the charge point sends Authorize with the valid id tag
    Then the CSMS answers with id tag status Accepted
    When the charge point reports the configured connector as Preparing
    And the charge point sends StartTransaction with the valid id tag
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
