@TC_007_CS @Core @charge-point
Feature: TC_007_CS Regular Start Charging Session - Cached Id
  With LocalPreAuthorize and a cached tag, a remote start needs no Authorize even with
  AuthorizeRemoteTxRequests true (OCPP 1.6 §5.11, §3.5.2).

  Scenario: A cached tag starts without Authorize
    Given the Charge Point is configured with AuthorizationCacheEnabled = true
    And the Charge Point is configured with AuthorizeRemoteTxRequests = true
    And the Charge Point is configured with LocalPreAuthorize = true
    And the Charge Point is booted
    And <validIdTag> is cached
    When the tester plugs in the cable
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    When the Central System sends RemoteStartTransaction {"connectorId": <connectorId>, "idTag": "<validIdTag>"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
    And the Charge Point sends no Authorize within 5 seconds
