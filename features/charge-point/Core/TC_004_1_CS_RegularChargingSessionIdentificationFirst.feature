@TC_004_1_CS @Core @charge-point
Feature: TC_004_1_CS Regular Charging Session - Identification First
  The driver identifies before plugging in; the transaction starts when the cable goes in.

  Scenario: Present the card, plug in, charge
    Given the Charge Point is configured with MeterValueSampleInterval = <meterValueSampleInterval>
    And the Charge Point is booted
    When the Charge Point goes through state Authorized with <validIdTag>
    And the tester plugs in the cable
    Then the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
