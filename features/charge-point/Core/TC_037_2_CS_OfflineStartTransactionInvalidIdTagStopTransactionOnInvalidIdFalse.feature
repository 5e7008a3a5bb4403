@TC_037_2_CS @Core @charge-point
Feature: TC_037_2_CS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = false
  The Central System calls the offline-started tag Invalid; with StopTransactionOnInvalidId false and
  MaxEnergyOnInvalidId 0 the transaction stays open but delivers no energy: SuspendedEVSE (OCPP 1.6 §9.1.31).

  Scenario: An offline start turns out invalid and is suspended
    Given the Charge Point is configured with LocalAuthorizeOffline = true
    And the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is configured with AuthorizationCacheEnabled = true
    And the Charge Point is configured with AllowOfflineTxForUnknownId = true
    And the Charge Point is configured with StopTransactionOnInvalidId = false
    And the Charge Point is configured with MaxEnergyOnInvalidId = 0
    And the Central System answers StartTransaction with idTagInfo status Invalid
    And the Charge Point is booted
    And <invalidIdTag> is in the local authorization list
    When the tester cuts the network
    And the tester tries to start a transaction with <invalidIdTag>
    And the tester restores the network
    Then the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<invalidIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=SuspendedEVSE
    And the Charge Point sends no StopTransaction within 5 seconds
