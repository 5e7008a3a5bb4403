@TC_021_CS @Core @charge-point
Feature: TC_021_CS Change/set Configuration
  An accepted ChangeConfiguration is readable at once (OCPP 1.6 §5.3).

  Scenario: Change MeterValueSampleInterval and read it back
    Given the Charge Point is configured with MeterValueSampleInterval = 60
    And the Charge Point is booted
    When the Central System sends ChangeConfiguration {"key": "MeterValueSampleInterval", "value": "<meterValueSampleInterval>"}
    Then the Charge Point answers with status Accepted
    When the Central System sends GetConfiguration {"key": ["MeterValueSampleInterval"]}
    Then the Charge Point answers with configurationKey[0].value=<meterValueSampleInterval>
