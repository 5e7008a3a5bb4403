@TC_057_CSMS @SmartCharging @csms
Feature: TC_057_CSMS Central Smart Charging - TxProfile
  During a transaction the operator limits it with a TxProfile naming the running transaction. Revision
  2025-11 wants recurrencyKind omitted and allows an absolute or a relative profile; this one is absolute.


  Background:
    Given the charge point is booted
    And a charging session is running on the configured connector

  Scenario: SetChargingProfile with a TxProfile for the running transaction
    Given the charge point will answer SetChargingProfile with status Accepted
    When the operator sends SetChargingProfile with:
      | connectorId | {connector id} |
      | csChargingProfiles.transactionId | {transaction id} |
      | csChargingProfiles.chargingProfileId | {charging profile id} |
      | csChargingProfiles.stackLevel | {stack level} |
      | csChargingProfiles.chargingProfilePurpose | TxProfile |
      | csChargingProfiles.chargingProfileKind | Absolute |
      | csChargingProfiles.validFrom | {valid from} |
      | csChargingProfiles.validTo | {valid to} |
      | csChargingProfiles.chargingSchedule.startSchedule | {start schedule} |
      | csChargingProfiles.chargingSchedule.duration | {duration} |
      | csChargingProfiles.chargingSchedule.chargingRateUnit | {charging rate unit} |
      | csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].startPeriod | {start period} |
      | csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit | {limit} |
      | csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].numberPhases | {number phases} |
    Then the CSMS sends SetChargingProfile with:
      | connectorId                               | {connector id}   |
      | csChargingProfiles.chargingProfilePurpose | TxProfile        |
      | csChargingProfiles.transactionId          | {transaction id} |
      | csChargingProfiles.recurrencyKind         | (absent)         |
    And the CSMS reports the charge point's answer to the operator
