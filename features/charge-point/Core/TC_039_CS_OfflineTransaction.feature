@TC_039_CS @Core @charge-point
Feature: TC_039_CS Offline Transaction
  A whole transaction offline: the queued StopTransaction waits for the StartTransaction.conf so that it
  carries the real transaction id (OCPP 1.6 §4.7).

  Scenario: Start and stop offline
    Given the Charge Point is configured with LocalAuthorizeOffline = true
    And the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is configured with AuthorizationCacheEnabled = true
    And the Charge Point is configured with AllowOfflineTxForUnknownId = true
    And the Charge Point is booted
    And <validIdTag> is in the local authorization list
    When the tester cuts the network
    And the tester tries to start a transaction with <validIdTag>
    And the tester presents <validIdTag>
    And the tester unplugs the cable
    And the tester restores the network
    Then the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>
    And the Charge Point sends StopTransaction with reason=Local|-, transactionId=<transactionId>
