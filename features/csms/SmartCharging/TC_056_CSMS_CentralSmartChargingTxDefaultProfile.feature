@TC_056_CSMS @SmartCharging @csms
Feature: TC_056_CSMS Central Smart Charging - TxDefaultProfile
  The operator installs a default profile for new transactions on the configured connector: absolute, with
  validity and a start, limited to 6 A (or 6000 W). Revision 2025-11 wants transactionId and recurrencyKind
  omitted.


  Background:
    Given the charge point is booted

  Scenario: SetChargingProfile with a TxDefaultProfile
    Given the charge point will answer SetChargingProfile with status Accepted
    When the operator sends SetChargingProfile with:
      | connectorId | {connector id} |
      | csChargingProfiles.chargingProfileId | {charging profile id} |
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
      | connectorId                                                      | {connector id}       |
      | csChargingProfiles.stackLevel                                    | {stack level}        |
      | csChargingProfiles.chargingProfilePurpose                        | TxDefaultProfile     |
      | csChargingProfiles.chargingProfileKind                           | Absolute             |
      | csChargingProfiles.validFrom                                     | (present)            |
      | csChargingProfiles.validTo                                       | (present)            |
      | csChargingProfiles.transactionId                                 | (absent)             |
      | csChargingProfiles.recurrencyKind                                | (absent)             |
      | csChargingProfiles.chargingSchedule.startSchedule                | (present)            |
      | csChargingProfiles.chargingSchedule.chargingRateUnit             | {charging rate unit} |
      | csChargingProfiles.chargingSchedule.duration                     | {duration}           |
      | csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].startPeriod | {start period} |
      | csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit       | {limit}        |
    And the CSMS reports the charge point's answer to the operator
