@TC_066_CS @SmartCharging @charge-point
Feature: TC_066_CS Get Composite Schedule
  A TxProfile overrides the TxDefaultProfile for the transaction, and the ChargePointMaxProfile caps the
  result; equal neighbours merge (OCPP 1.6 §3.13.4).
  Ambiguity A11 (octt16-cp.md §7): the first profile is a ChargePointMaxProfile (1.6's name).
  Ambiguity A12: once a TxProfile exists, the TxDefaultProfile stays out even after the TxProfile's 260 s,
  which is what OCTT's expected periods say.
  A startPeriod "50-x" is shifted by x, the seconds since the profiles' back-dated start.

  Scenario: Three profiles make one composite
    Given the Charge Point is configured with MaxChargingProfilesInstalled = 10
    And the Charge Point is configured with ChargingScheduleMaxPeriods = 10
    And the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends SetChargingProfile {"connectorId": 0, "csChargingProfiles": {"chargingProfileId": 21, "stackLevel": 0, "chargingProfilePurpose": "ChargePointMaxProfile", "chargingProfileKind": "Absolute", "chargingSchedule": {"duration": 86400, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 10}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 22, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute", "validFrom": "<now-MaxDev>", "validTo": "<now+396>", "chargingSchedule": {"duration": 300, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6}, {"startPeriod": 60, "limit": 10}, {"startPeriod": 120, "limit": 8}, {"startPeriod": 180, "limit": 15}, {"startPeriod": 260, "limit": 8}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 23, "stackLevel": 0, "chargingProfilePurpose": "TxProfile", "chargingProfileKind": "Absolute", "transactionId": <transactionId>, "validFrom": "<now-MaxDev>", "validTo": "<now+396>", "chargingSchedule": {"duration": 260, "startSchedule": "<now-MaxDev>", "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 8}, {"startPeriod": 50, "limit": 11}, {"startPeriod": 140, "limit": 16}, {"startPeriod": 200, "limit": 6}, {"startPeriod": 240, "limit": 12}]}}}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 400, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 400 seconds in A:
      | startPeriod | limit |
      | 0           | 8     |
      | 50-x        | 10    |
      | 200-x       | 6     |
      | 240-x       | 10    |
