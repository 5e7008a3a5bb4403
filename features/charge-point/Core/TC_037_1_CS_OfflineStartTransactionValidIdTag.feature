@TC_037_1_CS @Core @charge-point
Feature: TC_037_1_CS Offline Start Transaction - Valid IdTag
  Offline, a tag known locally may start a transaction (LocalAuthorizeOffline, OCPP 1.6 §3.5); the
  StartTransaction is delivered with its original time after reconnecting.

  Scenario: Start offline with a valid tag
    Given the Charge Point is configured with LocalAuthorizeOffline = true
    And the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is configured with AuthorizationCacheEnabled = true
    And the Charge Point is configured with AllowOfflineTxForUnknownId = true
    And the Charge Point is booted
    And <validIdTag> is in the local authorization list
    When the tester cuts the network
    And the tester tries to start a transaction with <validIdTag>
    And the tester restores the network
    Then the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
