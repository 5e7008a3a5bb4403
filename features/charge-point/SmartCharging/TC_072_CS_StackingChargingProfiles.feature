@TC_072_CS @SmartCharging @charge-point
Feature: TC_072_CS Stacking Charging Profiles
  The higher stack level wins while it lasts; when it ends the lower one takes over mid-period
  (OCPP 1.6 §3.13.2).

  Scenario: Two default profiles stacked
    Given the Charge Point is booted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 41, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute", "validFrom": "<now-MaxDev>", "validTo": "<now+396>", "chargingSchedule": {"duration": 400, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6}, {"startPeriod": 100, "limit": 8}, {"startPeriod": 200, "limit": 10}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 42, "stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute", "validFrom": "<now-MaxDev>", "validTo": "<now+396>", "chargingSchedule": {"duration": 150, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 7}, {"startPeriod": 100, "limit": 9}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 350, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 350 seconds in A:
      | startPeriod | limit |
      | 0           | 7     |
      | 100-x       | 9     |
      | 150-x       | 8     |
      | 200-x       | 10    |
