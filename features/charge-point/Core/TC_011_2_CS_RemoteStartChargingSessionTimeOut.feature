@TC_011_2_CS @Core @charge-point
Feature: TC_011_2_CS Remote Start Charging Session - Time Out
  A remote start without a cable lapses after ConnectionTimeOut (OCPP 1.6 §9.1.7).

  Scenario: The cable never comes after a remote start
    Given the Charge Point is configured with ConnectionTimeOut = <connectionTimeOut>
    And the Charge Point is booted
    When the Central System sends RemoteStartTransaction {"connectorId": <connectorId>, "idTag": "<validIdTag>"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends Authorize with idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
    And the Charge Point sends no StartTransaction within 30 seconds
