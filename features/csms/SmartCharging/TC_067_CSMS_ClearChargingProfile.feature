@TC_067_CSMS @SmartCharging @csms
Feature: TC_067_CSMS Clear Charging Profile
  Three profiles are installed and then cleared three ways: by id, by criteria, and all at once. This follows
  revision 2025-11: during a transaction, a ChargePointMaxProfile on connector 0, a TxDefaultProfile on the
  configured connector and a TxProfile for the transaction, all at one stack level. (2024-04 used three
  TxDefaultProfiles at consecutive stack levels.)


  Background:
    Given the charge point is booted
    And a charging session is running on the configured connector

  Scenario: Clear by id, by criteria, and all
    Given the charge point will answer SetChargingProfile with status Accepted
    And the charge point will answer ClearChargingProfile with status Accepted
    When the operator sends SetChargingProfile with:
      | connectorId | 0 |
      | csChargingProfiles.chargingProfileId | {charging profile id} |
      | csChargingProfiles.stackLevel | {stack level} |
      | csChargingProfiles.chargingProfilePurpose | ChargePointMaxProfile |
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
      | connectorId                               | 0                     |
      | csChargingProfiles.chargingProfilePurpose | ChargePointMaxProfile |
    When the operator sends SetChargingProfile with:
      | connectorId | {connector id} |
      | csChargingProfiles.chargingProfileId | {second charging profile id} |
      | csChargingProfiles.stackLevel | {stack level} |
      | csChargingProfiles.chargingProfilePurpose | TxDefaultProfile |
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
      | csChargingProfiles.chargingProfilePurpose | TxDefaultProfile |
    When the operator sends SetChargingProfile with:
      | connectorId | {connector id} |
      | csChargingProfiles.transactionId | {transaction id} |
      | csChargingProfiles.chargingProfileId | {third charging profile id} |
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
      | csChargingProfiles.chargingProfilePurpose | TxProfile        |
      | csChargingProfiles.transactionId          | {transaction id} |
    When the operator sends ClearChargingProfile with:
      | id | {charging profile id} |
    Then the CSMS sends ClearChargingProfile with:
      | id                     | {charging profile id} |
      | connectorId            | (absent)              |
      | chargingProfilePurpose | (absent)              |
      | stackLevel             | (absent)              |
    When the operator sends ClearChargingProfile with:
      | connectorId            | {connector id}   |
      | chargingProfilePurpose | TxDefaultProfile |
      | stackLevel             | {stack level}    |
    Then the CSMS sends ClearChargingProfile with:
      | id                     | (absent)         |
      | connectorId            | {connector id}   |
      | chargingProfilePurpose | TxDefaultProfile |
      | stackLevel             | {stack level}    |
    When the operator sends ClearChargingProfile
    Then the CSMS sends ClearChargingProfile with:
      | id                     | (absent) |
      | connectorId            | (absent) |
      | chargingProfilePurpose | (absent) |
      | stackLevel             | (absent) |
    And the CSMS reports the charge point's answer to the operator
