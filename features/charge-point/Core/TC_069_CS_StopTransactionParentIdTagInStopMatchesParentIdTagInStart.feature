@TC_069_CS @Core @charge-point
Feature: TC_069_CS Stop transaction - ParentIdTag in Stop matches ParentIdTag in Start
  A different tag of the same group may end the session once the Central System confirms its parent
  (OCPP 1.6 §3.5.1); the charge point remembers the parent it learned at the start.

  Scenario: A tag of the same group stops the session
    Given the Charge Point is booted
    And the Charge Point is in state Charging with <groupIdTag1>
    When the tester presents <groupIdTag2>
    Then the Charge Point sends Authorize with idTag=<groupIdTag2>
    And the Charge Point sends StopTransaction with idTag=<groupIdTag2>, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
