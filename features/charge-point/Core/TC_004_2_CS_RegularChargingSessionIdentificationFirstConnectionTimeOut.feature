@TC_004_2_CS @Core @charge-point
Feature: TC_004_2_CS Regular Charging Session - Identification First - ConnectionTimeOut
  An authorization without a cable lapses after ConnectionTimeOut (OCPP 1.6 §9.1.7): back to Available,
  and no transaction.

  Scenario: The cable never comes
    Given the Charge Point is configured with ConnectionTimeOut = <connectionTimeOut>
    And the Charge Point is booted
    When the Charge Point goes through state Authorized with <validIdTag>
    Then the Charge Point sends no StatusNotification with status=Available within 10 seconds
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
    And the Charge Point sends no StartTransaction within 30 seconds
