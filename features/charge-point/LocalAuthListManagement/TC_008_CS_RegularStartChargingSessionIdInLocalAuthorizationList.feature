@TC_008_CS @LocalAuthListManagement @charge-point
Feature: TC_008_CS Regular Start Charging Session - Id in Local Authorization List
  A tag on the local list starts without Authorize when LocalPreAuthorize is true (OCPP 1.6 §3.5.2).

  Scenario: A listed tag starts without Authorize
    Given the Charge Point is configured with LocalPreAuthorize = true
    And the Charge Point is configured with AuthorizationCacheEnabled = false
    And the Charge Point is configured with LocalAuthListEnabled = true
    And the Charge Point is configured with AuthorizeRemoteTxRequests = true
    And the Charge Point is booted
    When the Central System sends GetLocalListVersion
    Then the Charge Point answers with listVersion=*
    When the Central System sends SendLocalList {"listVersion": 1, "updateType": "Full", "localAuthorizationList": [{"idTag": "<validIdTag>", "idTagInfo": {"status": "Accepted"}}]}
    Then the Charge Point answers with status Accepted
    When the tester plugs in the cable
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    When the Central System sends RemoteStartTransaction {"connectorId": <connectorId>, "idTag": "<validIdTag>"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
    And the Charge Point sends no Authorize within 5 seconds
