@TC_043_3_CSMS @LocalAuthListManagement @csms
Feature: TC_043_3_CSMS Send Local Authorization List - Failed
  A full list is sent and the charge point fails to store it.


  Background:
    Given the charge point is booted

  Scenario: SendLocalList answered Failed
    Given the charge point will answer SendLocalList with status Failed
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags[0]  | {local list id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType  | Full           |
    And the CSMS reports the charge point's answer to the operator
