@TC_043_1_CSMS @LocalAuthListManagement @csms
Feature: TC_043_1_CSMS Send Local Authorization List - NotSupported
  A full list is sent to a charge point that does not support local lists.


  Background:
    Given the charge point is booted

  Scenario: SendLocalList answered NotSupported
    Given the charge point will answer SendLocalList with status NotSupported
    When the operator sends SendLocalList with:
      | listVersion                                | {list version}       |
      | updateType                                 | Full                 |
      | localAuthorizationList[0].idTag            | {local list id tag}  |
      | localAuthorizationList[0].idTagInfo.status | Accepted             |
    Then the CSMS sends SendLocalList with:
      | updateType  | Full           |
      | listVersion | {list version} |
    And the CSMS reports the charge point's answer to the operator
