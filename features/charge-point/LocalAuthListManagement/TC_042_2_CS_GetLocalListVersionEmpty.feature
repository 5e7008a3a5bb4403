@TC_042_2_CS @LocalAuthListManagement @charge-point
Feature: TC_042_2_CS Get Local List Version (empty)
  An empty list reports version 0, whatever version was last sent (OCPP 1.6 §5.10).

  Scenario: A Full update without entries
    Given the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is booted
    When the Central System sends SendLocalList {"listVersion": 1, "updateType": "Full"}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetLocalListVersion
    Then the Charge Point answers with listVersion=0
