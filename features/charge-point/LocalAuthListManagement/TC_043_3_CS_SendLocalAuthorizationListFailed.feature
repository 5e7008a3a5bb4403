@TC_043_3_CS @LocalAuthListManagement @charge-point
Feature: TC_043_3_CS Send Local Authorization List - Failed
  A list the charge point cannot store is answered Failed.

  Scenario: Storing the list fails
    Given the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is booted
    And storing the next local list will fail
    When the Central System sends SendLocalList {"listVersion": 2, "updateType": "Full", "localAuthorizationList": [{"idTag": "<validIdTag>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status Failed
