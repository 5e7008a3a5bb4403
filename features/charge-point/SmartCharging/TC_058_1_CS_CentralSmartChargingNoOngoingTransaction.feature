@TC_058_1_CS @SmartCharging @charge-point
Feature: TC_058_1_CS Central Smart Charging - No ongoing transaction
  A TxProfile needs a matching running transaction (OCPP 1.6 §3.13.1).

  Scenario: A TxProfile while nothing charges
    Given the Charge Point is booted
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 12, "stackLevel": 0, "chargingProfilePurpose": "TxProfile", "transactionId": 123, "chargingProfileKind": "Relative", "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6}]}}}
    Then the Charge Point answers with status Rejected or a CALLERROR PropertyConstraintViolation
