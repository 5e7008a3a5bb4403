@TC_010_CSMS @Core @csms
Feature: TC_010_CSMS Remote Start Charging Session - Cable Plugged in First
  The cable is already in when the operator starts the session remotely; the charge point authorizes the
  id tag it was given and starts the transaction.


  Background:
    Given the charge point is booted

  Scenario: Remote start after the cable is plugged in
    When the charge point reports the configured connector as Preparing
    And the operator sends RemoteStartTransaction with:
      | idTag       | {valid id tag} |
      | connectorId | {connector id} |
    Then the CSMS sends RemoteStartTransaction with:
      | idTag | {valid id tag} |
    And the CSMS reports the charge point's answer to the operator
    When the charge point sends Authorize with the valid id tag
    Then the CSMS answers with id tag status Accepted
    When the charge point sends StartTransaction with the valid id tag
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
