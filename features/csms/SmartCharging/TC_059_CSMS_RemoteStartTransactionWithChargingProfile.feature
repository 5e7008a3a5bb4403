@TC_059_CSMS @SmartCharging @csms
Feature: TC_059_CSMS Remote Start Transaction with Charging Profile
  The operator starts a session remotely with a TxProfile attached: no transactionId (none exists yet), the
  first period starting at 0. Revision 2025-11 allows an absolute or relative profile; this one is relative.


  Background:
    Given the charge point is booted

  Scenario: Remote start with a TxProfile
    Given the charge point will answer RemoteStartTransaction with status Accepted
    When the operator sends RemoteStartTransaction with:
      | idTag       | {valid id tag} |
      | connectorId | {connector id} |
      | chargingProfile.chargingProfileId | {charging profile id} |
      | chargingProfile.stackLevel | {stack level} |
      | chargingProfile.chargingProfilePurpose | TxProfile |
      | chargingProfile.chargingProfileKind | Relative |
      | chargingProfile.chargingSchedule.duration | {duration} |
      | chargingProfile.chargingSchedule.chargingRateUnit | {charging rate unit} |
      | chargingProfile.chargingSchedule.chargingSchedulePeriod[0].startPeriod | 0 |
      | chargingProfile.chargingSchedule.chargingSchedulePeriod[0].limit | {limit} |
      | chargingProfile.chargingSchedule.chargingSchedulePeriod[0].numberPhases | {number phases} |
    Then the CSMS sends RemoteStartTransaction with:
      | idTag                                                             | {valid id tag} |
      | connectorId                                                       | {connector id} |
      | chargingProfile.chargingProfilePurpose                            | TxProfile      |
      | chargingProfile.transactionId                                     | (absent)       |
      | chargingProfile.chargingSchedule.chargingSchedulePeriod[0].startPeriod | 0         |
    When the charge point sends Authorize with the valid id tag
    Then the CSMS answers with id tag status Accepted
    When the charge point reports the configured connector as Preparing
    And the charge point sends StartTransaction with the valid id tag
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
