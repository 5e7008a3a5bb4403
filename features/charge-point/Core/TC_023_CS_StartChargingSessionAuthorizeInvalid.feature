@TC_023_CS @Core @charge-point
Feature: TC_023_CS Start Charging Session - Authorize invalid
  A tag the Central System calls Invalid starts nothing.

  Scenario: An invalid tag is refused
    Given the Charge Point is configured with MinimumStatusDuration = 10
    And the Charge Point is configured with LocalPreAuthorize = true
    And the Charge Point is booted
    When the tester plugs in the cable
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    When the tester presents <invalidIdTag>
    Then the Charge Point sends Authorize with idTag=<invalidIdTag>
    And the Charge Point sends no StartTransaction within 30 seconds
