@TC_043_5_CSMS @LocalAuthListManagement @csms
Feature: TC_043_5_CSMS Send Local Authorization List - Differential
  After reading the current version, a differential update with a higher version adds entries, each with
  its idTagInfo.


  Background:
    Given the charge point is booted

  Scenario: Differential update accepted
    Given the charge point will answer GetLocalListVersion with:
      | listVersion | {list version} |
    And the charge point will answer SendLocalList with status Accepted
    When the operator sends GetLocalListVersion
    Then the CSMS sends GetLocalListVersion
    When the operator sends SendLocalList with:
      | updateType | Differential |
      | idTags[0]  | {local list id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType  | Differential        |
      | listVersion | (greater than {list version}) |
    And every entry of the local authorization list has an id tag info
    And the CSMS reports the charge point's answer to the operator
