@TC_043_4_CSMS @LocalAuthListManagement @csms
Feature: TC_043_4_CSMS Send Local Authorization List - Full
  A full list with at least one id tag replaces the charge point's list; OCTT checks that every entry
  carries an idTagInfo.


  Background:
    Given the charge point is booted

  Scenario: Full update accepted
    Given the charge point will answer SendLocalList with status Accepted
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags[0]  | {local list id tag} |
      | idTags[1]  | {blocked id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType  | Full           |
    And every entry of the local authorization list has an id tag info
    And the CSMS reports the charge point's answer to the operator
