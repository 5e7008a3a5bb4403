@TC_057_CS @SmartCharging @charge-point
Feature: TC_057_CS Central Smart Charging - TxProfile
  A TxProfile for the running transaction shapes the composite schedule.

  Scenario: A 6 A profile for the running transaction
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 12, "stackLevel": 0, "chargingProfilePurpose": "TxProfile", "transactionId": <transactionId>, "chargingProfileKind": "Absolute", "chargingSchedule": {"duration": 300, "startSchedule": "<now>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6, "numberPhases": 3}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 300, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 300 seconds in A:
      | startPeriod | limit |
      | 0           | 6     |
