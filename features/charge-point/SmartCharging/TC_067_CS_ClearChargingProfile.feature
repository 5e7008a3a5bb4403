@TC_067_CS @SmartCharging @charge-point
Feature: TC_067_CS Clear Charging Profile
  ClearChargingProfile by id, by purpose and stack level, and with no criteria at all; after a clear-all the
  composite reports the charge point's own limit (OCPP 1.6 §5.5).

  Scenario: Clear three profiles in three ways
    Given the Charge Point is booted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 31, "stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute", "chargingSchedule": {"duration": 400, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6}, {"startPeriod": 60, "limit": 8}, {"startPeriod": 200, "limit": 10}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 32, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute", "validFrom": "<now-MaxDev>", "validTo": "<now+396>", "chargingSchedule": {"duration": 400, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 7}, {"startPeriod": 100, "limit": 9}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends SetChargingProfile {"connectorId": 0, "csChargingProfiles": {"chargingProfileId": 33, "stackLevel": 0, "chargingProfilePurpose": "ChargePointMaxProfile", "chargingProfileKind": "Absolute", "validFrom": "<now-MaxDev>", "validTo": "<now+396>", "chargingSchedule": {"duration": 86400, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11}, {"startPeriod": 200, "limit": 12}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends ClearChargingProfile {"id": 31}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 350, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 350 seconds in A:
      | startPeriod | limit |
      | 0           | 7     |
      | 100-x       | 9     |
    When the Central System sends ClearChargingProfile {"chargingProfilePurpose": "TxDefaultProfile", "stackLevel": 0}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 350, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 350 seconds in A:
      | startPeriod | limit |
      | 0           | 11    |
      | 200-x       | 12    |
    When the Central System sends ClearChargingProfile {}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 350, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 350 seconds in A:
      | startPeriod | limit |
      | 0           | 32    |
