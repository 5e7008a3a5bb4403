@TC_043_CS @LocalAuthListManagement @charge-point
Feature: TC_043_CS Send Local Authorization List
  A Full and then a Differential update are both accepted (OCPP 1.6 §5.15).

  Scenario: Full, then differential
    Given the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is booted
    When the Central System sends SendLocalList {"listVersion": 1, "updateType": "Full", "localAuthorizationList": [{"idTag": "<validIdTag>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status Accepted
    When the Central System sends SendLocalList {"listVersion": 2, "updateType": "Differential", "localAuthorizationList": [{"idTag": "<validIdTag2>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status Accepted
