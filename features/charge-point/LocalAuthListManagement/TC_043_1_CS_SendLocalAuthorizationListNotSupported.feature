@TC_043_1_CS @LocalAuthListManagement @charge-point
Feature: TC_043_1_CS Send Local Authorization List - NotSupported
  Without the profile, SendLocalList is answered NotSupported (status or CALLERROR).

  Scenario: No local list support
    Given the Charge Point does not support LocalAuthListManagement
    And the Charge Point is booted
    When the Central System sends SendLocalList {"listVersion": 1, "updateType": "Full", "localAuthorizationList": [{"idTag": "<validIdTag>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status NotSupported or a CALLERROR NotSupported
