@TC_043_1_CSMS @LocalAuthListManagement @csms
Feature: TC_043_1_CSMS Send Local Authorization List - NotSupported
  A full list is sent to a charge point that does not support local lists.


  Background:
    Given the charge point is booted

  Scenario: SendLocalList answered NotSupported
    Given the charge point will answer SendLocalList with status NotSupported
    When the operator sends SendLocalList with:
      | updateType | Full |
      | idTags[0]  | {local list id tag} |
    Then the CSMS sends SendLocalList with:
      | updateType  | Full           |
    And the CSMS reports the charge point's answer to the operator
