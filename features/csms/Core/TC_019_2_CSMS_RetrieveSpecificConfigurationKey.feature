@TC_019_2_CSMS @Core @csms
Feature: TC_019_2_CSMS Retrieve specific configuration key
  The operator reads one key, SupportedFeatureProfiles.


  Background:
    Given the charge point is booted

  Scenario: GetConfiguration of SupportedFeatureProfiles
    Given the charge point will answer GetConfiguration with:
      | configurationKey[0].key      | SupportedFeatureProfiles |
      | configurationKey[0].readonly | true                     |
      | configurationKey[0].value    | "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger" |
      | unknownKey                   | []                       |
    When the operator sends GetConfiguration with:
      | key[0] | SupportedFeatureProfiles |
    Then the CSMS sends GetConfiguration with:
      | key[0] | SupportedFeatureProfiles |
    And the CSMS reports the charge point's answer to the operator
