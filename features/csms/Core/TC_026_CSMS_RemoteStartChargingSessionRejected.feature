@TC_026_CSMS @Core @csms
Feature: TC_026_CSMS Remote Start Charging Session - Rejected
  The charge point rejects a remote start; no transaction follows and the Central System carries on.


  Background:
    Given the charge point is booted

  Scenario: Remote start rejected
    Given the charge point will answer RemoteStartTransaction with status Rejected
    When the operator sends RemoteStartTransaction with:
      | idTag       | {valid id tag} |
      | connectorId | {connector id} |
    Then the CSMS sends RemoteStartTransaction
    And the CSMS reports the charge point's answer to the operator
    When the charge point sends Heartbeat
    Then the CSMS answers with its current time
