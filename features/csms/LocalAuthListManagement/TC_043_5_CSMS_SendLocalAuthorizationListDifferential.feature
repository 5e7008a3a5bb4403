@TC_043_5_CSMS @LocalAuthListManagement @csms
Feature: TC_043_5_CSMS Send Local Authorization List - Differential
  After reading the current version, a differential update with a higher version adds entries, each with
  its idTagInfo. The lab also checks, on top of a list the Central System sent before, that a differential
  update carries the change only (OCPP 1.6 §5.15: "the changes to be applied"), that the charge point then
  holds the old entries and the new one, and that a full update afterwards replaces the whole list.


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
    And the charge point's local authorization list holds:
      | {local list id tag} | Accepted |
    And the CSMS reports the charge point's answer to the operator

  Scenario: A differential update on top of a full list carries the change only
    Given the charge point will answer SendLocalList with status Accepted
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags[0]  | {local list id tag} |
      | idTags[1]  | {blocked id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType | Full |
    When the operator sends SendLocalList with:
      | updateType | Differential |
      | idTags[0]  | {valid id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType                                 | Differential   |
      | localAuthorizationList[0].idTag            | {valid id tag} |
      | localAuthorizationList[0].idTagInfo.status | Accepted       |
      | localAuthorizationList[1]                  | (absent)       |
    And the charge point's local authorization list holds:
      | {local list id tag} | Accepted |
      | {blocked id tag}    | Blocked  |
      | {valid id tag}      | Accepted |
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags[0]  | {valid id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType | Full |
    And every entry of the local authorization list has an id tag info
    And every SendLocalList the CSMS sent carries a listVersion above the one before
    And the charge point's local authorization list holds:
      | {valid id tag} | Accepted |
