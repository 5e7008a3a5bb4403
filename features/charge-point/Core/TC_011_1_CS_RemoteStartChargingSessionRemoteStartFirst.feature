@TC_011_1_CS @Core @charge-point
Feature: TC_011_1_CS Remote Start Charging Session - Remote Start First
  A remote start before the cable holds the connector in Preparing; the transaction starts on plug-in.

  Scenario: Remote start, then plug in
    Given the Charge Point is booted
    When the Central System sends GetConfiguration {"key": ["AuthorizeRemoteTxRequests"]}
    Then the Charge Point answers with configurationKey[0].key=AuthorizeRemoteTxRequests
    When the Central System sends RemoteStartTransaction {"connectorId": <connectorId>, "idTag": "<validIdTag>"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends Authorize with idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    When the tester plugs in the cable
    Then the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
