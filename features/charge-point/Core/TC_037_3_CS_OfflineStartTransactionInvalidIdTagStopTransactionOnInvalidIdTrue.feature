@TC_037_3_CS @Core @charge-point
Feature: TC_037_3_CS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true
  With StopTransactionOnInvalidId true the offline-started transaction is ended with reason DeAuthorized.

  Scenario: An offline start turns out invalid and is stopped
    Given the Charge Point is configured with LocalAuthorizeOffline = true
    And the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is configured with AuthorizationCacheEnabled = true
    And the Charge Point is configured with AllowOfflineTxForUnknownId = true
    And the Charge Point is configured with StopTransactionOnInvalidId = true
    And the Central System answers StartTransaction with idTagInfo status Invalid
    And the Charge Point is booted
    And <invalidIdTag> is in the local authorization list
    When the tester cuts the network
    And the tester tries to start a transaction with <invalidIdTag>
    And the tester restores the network
    Then the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<invalidIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
    And the Charge Point sends StopTransaction with reason=DeAuthorized, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
