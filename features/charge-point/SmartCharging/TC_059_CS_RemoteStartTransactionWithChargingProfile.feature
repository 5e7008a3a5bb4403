@TC_059_CS @SmartCharging @charge-point
Feature: TC_059_CS Remote Start Transaction with Charging Profile
  A TxProfile in RemoteStartTransaction binds to the transaction it starts (OCPP 1.6 §5.11).

  Scenario: Remote start with a 6 A TxProfile
    Given the Charge Point is booted
    When the Central System runs state Charging with a TxProfile in the RemoteStartTransaction:
      """
      {"chargingProfileId": 13, "stackLevel": 0, "chargingProfilePurpose": "TxProfile", "chargingProfileKind": "Relative", "chargingSchedule": {"duration": 300, "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6, "numberPhases": 3}]}}
      """
    When the Central System sends GetCompositeSchedule {"connectorId": <connectorId>, "duration": 300, "chargingRateUnit": "A"}
    Then the Charge Point answers with a composite schedule for 300 seconds in A:
      | startPeriod | limit |
      | 0           | 6     |
