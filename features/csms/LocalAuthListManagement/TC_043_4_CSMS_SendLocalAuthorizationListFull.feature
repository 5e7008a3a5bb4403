@TC_043_4_CSMS @LocalAuthListManagement @csms
Feature: TC_043_4_CSMS Send Local Authorization List - Full
  A full list with at least one id tag replaces the charge point's list; OCTT checks that every entry
  carries an idTagInfo. The lab also checks what the list then holds (OCPP 1.6 §5.15): the id tags the
  operator named, each with the status the Central System holds for it; that a list longer than the charge
  point's SendLocalListMaxLength (read by the tester's GetConfiguration just before) is split, the first
  message Full and the rest Differential, each with a higher listVersion; and that a full list with no id
  tags empties the charge point's list.


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
    And the charge point's local authorization list holds:
      | {local list id tag} | Accepted |
      | {blocked id tag}    | Blocked  |
    And the CSMS reports the charge point's answer to the operator

  Scenario: A full list longer than SendLocalListMaxLength is split
    # A limit of 2 splits this list of 3 and no list of the other scenarios, so that a Central System which keeps
    # the value it read here for the rest of the run still sends every other list in one message.
    Given the charge point will answer GetConfiguration with:
      | configurationKey[0].key      | SendLocalListMaxLength |
      | configurationKey[0].readonly | true                   |
      | configurationKey[0].value    | "2"                    |
    And the charge point will answer SendLocalList with status Accepted
    When the operator sends GetConfiguration with:
      | key[0] | SendLocalListMaxLength |
    Then the CSMS sends GetConfiguration
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags[0]  | {local list id tag} |
      | idTags[1]  | {blocked id tag} |
      | idTags[2]  | {valid id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType                | Full      |
      | localAuthorizationList[1] | (present) |
      | localAuthorizationList[2] | (absent)  |
    And the CSMS sends SendLocalList with:
      | updateType                | Differential |
      | localAuthorizationList[0] | (present)    |
      | localAuthorizationList[1] | (absent)     |
    And every SendLocalList the CSMS sent carries a listVersion above the one before
    And the charge point's local authorization list holds:
      | {local list id tag} | Accepted |
      | {blocked id tag}    | Blocked  |
      | {valid id tag}      | Accepted |

  Scenario: A full list with no id tags empties the list
    Given the charge point will answer SendLocalList with status Accepted
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags[0]  | {local list id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType | Full |
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags     | []   |
    Then the CSMS sends SendLocalList with:
      | updateType                | Full     |
      | localAuthorizationList[0] | (absent) |
    And every SendLocalList the CSMS sent carries a listVersion above the one before
    And the charge point's local authorization list is empty
