@TC_024_CS @Core @charge-point
Feature: TC_024_CS Start Charging Session - Lock Failure
  A cable that goes in only halfway cannot be locked: Faulted with ConnectorLockFailure, no transaction.

  Scenario: The lock fails after a remote start
    Given the Charge Point is booted
    When the Central System sends GetConfiguration {"key": ["AuthorizeRemoteTxRequests"]}
    And the Central System sends RemoteStartTransaction {"connectorId": <connectorId>, "idTag": "<validIdTag>"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends Authorize with idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    When the tester plugs in the cable halfway
    Then the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Faulted, errorCode=ConnectorLockFailure
    And the Charge Point sends no StartTransaction within 10 seconds
