@TC_003_CS @Core @charge-point
Feature: TC_003_CS Regular Charging Session - Plugin First
  The driver plugs in first, then identifies: Preparing, Authorize, StartTransaction and Charging.

  Scenario: Plug in, present the card, charge
    Given the Charge Point is booted
    When the tester plugs in the cable
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    When the tester presents <validIdTag>
    Then the Charge Point sends Authorize with idTag=<validIdTag>
    And the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
