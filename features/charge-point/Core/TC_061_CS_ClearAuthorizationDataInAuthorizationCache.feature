@TC_061_CS @Core @charge-point
Feature: TC_061_CS Clear Authorization Data in Authorization Cache
  ClearCache empties the cache (OCPP 1.6 §5.4): a tag that was cached must be authorized again.

  Scenario: After ClearCache the tag is authorized online
    Given the Charge Point is configured with AuthorizationCacheEnabled = true
    And the Charge Point is configured with LocalPreAuthorize = true
    And the Charge Point is configured with ConnectionTimeOut = <connectionTimeOut>
    And the Charge Point is booted
    And the Charge Point is in state Authorized with <validIdTag>
    When the tester presents <validIdTag>
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
    When the Central System sends ClearCache
    Then the Charge Point answers with status Accepted
    When the tester presents <validIdTag>
    Then the Charge Point sends Authorize with idTag=<validIdTag>
