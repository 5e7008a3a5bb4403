@TC_043_4_CSMS @LocalAuthListManagement @csms
Feature: TC_043_4_CSMS Send Local Authorization List - Full
  A full list with at least one id tag replaces the charge point's list; OCTT checks that every entry
  carries an idTagInfo.


  Background:
    Given the charge point is booted

  Scenario: Full update accepted
    Given the charge point will answer SendLocalList with status Accepted
    When the operator sends SendLocalList with:
      | listVersion                                | {list version}       |
      | updateType                                 | Full                 |
      | localAuthorizationList[0].idTag            | {local list id tag}  |
      | localAuthorizationList[0].idTagInfo.status | Accepted             |
      | localAuthorizationList[1].idTag            | {blocked id tag}     |
      | localAuthorizationList[1].idTagInfo.status | Blocked              |
    Then the CSMS sends SendLocalList with:
      | updateType  | Full           |
      | listVersion | {list version} |
    And every entry of the local authorization list has an id tag info
    And the CSMS reports the charge point's answer to the operator
