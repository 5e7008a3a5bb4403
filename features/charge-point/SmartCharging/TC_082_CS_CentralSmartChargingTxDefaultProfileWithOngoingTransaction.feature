@TC_082_CS @SmartCharging @charge-point
Feature: TC_082_CS Central Smart Charging - TxDefaultProfile with ongoing transaction
  A new default applies to the running transaction, which has no TxProfile.

  Scenario: A default profile during a session
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 11, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute", "chargingSchedule": {"duration": 300, "startSchedule": "<now>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6, "numberPhases": 3}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 300, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 300 seconds in A:
      | startPeriod | limit |
      | 0           | 6     |
