@TC_060_CS @SmartCharging @charge-point
Feature: TC_060_CS Remote Start Transaction with Charging Profile - Rejected
  Only a TxProfile may come with a RemoteStartTransaction.

  Scenario: Remote start with a default profile
    Given the Charge Point is booted
    When the Central System sends RemoteStartTransaction {"connectorId": <connectorId>, "idTag": "<validIdTag>", "chargingProfile": {"chargingProfileId": 14, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Relative", "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6}]}}}
    Then the Charge Point answers with status Rejected or a CALLERROR PropertyConstraintViolation
    And the Charge Point sends no StartTransaction within 5 seconds
