@TC_019_1_CSMS @Core @csms
Feature: TC_019_1_CSMS Retrieve all configuration keys
  The operator reads the whole configuration: GetConfiguration without a key list, answered with every key
  of the Core, Local Auth List and Smart Charging profiles.


  Background:
    Given the charge point is booted

  Scenario: GetConfiguration without keys
    Given the charge point will answer GetConfiguration with:
      | configurationKey[0].key      | AuthorizeRemoteTxRequests |
      | configurationKey[0].readonly | false                     |
      | configurationKey[0].value    | "true"                    |
      | configurationKey[1].key      | HeartbeatInterval         |
      | configurationKey[1].readonly | false                     |
      | configurationKey[1].value    | "300"                     |
      | configurationKey[2].key      | NumberOfConnectors        |
      | configurationKey[2].readonly | true                      |
      | configurationKey[2].value    | "{number of connectors}"  |
      | configurationKey[3].key      | SupportedFeatureProfiles  |
      | configurationKey[3].readonly | true                      |
      | configurationKey[3].value    | "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger" |
      | configurationKey[4].key      | MeterValueSampleInterval  |
      | configurationKey[4].readonly | false                     |
      | configurationKey[4].value    | "60"                      |
      | configurationKey[5].key      | LocalAuthListEnabled      |
      | configurationKey[5].readonly | false                     |
      | configurationKey[5].value    | "true"                    |
      | configurationKey[6].key      | ChargeProfileMaxStackLevel |
      | configurationKey[6].readonly | true                      |
      | configurationKey[6].value    | "8"                       |
      | unknownKey                   | []                        |
    When the operator sends GetConfiguration
    Then the CSMS sends GetConfiguration with:
      | key | (absent) |
    And the CSMS reports the charge point's answer to the operator
