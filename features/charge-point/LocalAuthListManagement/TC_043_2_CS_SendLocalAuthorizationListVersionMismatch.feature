@TC_043_2_CS @LocalAuthListManagement @charge-point
Feature: TC_043_2_CS Send Local Authorization List - VersionMismatch
  A differential update older than the stored version is refused with VersionMismatch.
  Ambiguity A5 (octt16-cp.md §7): the Full v2 list carries an entry, so its version is reported as 2.

  Scenario: An older differential update
    Given the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is booted
    When the Central System sends SendLocalList {"listVersion": 2, "updateType": "Full", "localAuthorizationList": [{"idTag": "<validIdTag>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetLocalListVersion
    Then the Charge Point answers with listVersion=2
    When the Central System sends SendLocalList {"listVersion": 5, "updateType": "Differential", "localAuthorizationList": [{"idTag": "<validIdTag2>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetLocalListVersion
    Then the Charge Point answers with listVersion=5
    When the Central System sends SendLocalList {"listVersion": 4, "updateType": "Differential", "localAuthorizationList": [{"idTag": "<groupIdTag1>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status VersionMismatch
    When the Central System sends GetLocalListVersion
    Then the Charge Point answers with listVersion=5
