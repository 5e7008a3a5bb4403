@TC_056_CS @SmartCharging @charge-point
Feature: TC_056_CS Central Smart Charging - TxDefaultProfile
  A TxDefaultProfile shows in the composite schedule even with no transaction (OCPP 1.6 §3.13.2, §5.7).

  Scenario: A default profile of 6 A without a transaction
    Given the Charge Point is booted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 11, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute", "chargingSchedule": {"duration": 300, "startSchedule": "<now>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6, "numberPhases": 3}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 300, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 300 seconds in A:
      | startPeriod | limit |
      | 0           | 6     |
