@TC_058_2_CS @SmartCharging @charge-point
Feature: TC_058_2_CS Central Smart Charging - Wrong transactionId
  A TxProfile for another transaction than the running one is refused.
  Ambiguity A8 (octt16-cp.md §7): read as with a running transaction, as Before and the checks say.

  Scenario: A TxProfile with the wrong transaction id
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends SetChargingProfile {"connectorId": <connectorId>, "csChargingProfiles": {"chargingProfileId": 12, "stackLevel": 0, "chargingProfilePurpose": "TxProfile", "transactionId": <unknownTransactionId>, "chargingProfileKind": "Relative", "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 6}]}}}
    Then the Charge Point answers with status Rejected
