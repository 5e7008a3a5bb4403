@TC_027_CS @Core @charge-point
Feature: TC_027_CS Remote start transaction - connectorId shall not be 0
  connectorId 0 is the charge point itself, never a place to charge (OCPP 1.6 §5.11).

  Scenario: Remote start on connector 0
    Given the Charge Point is booted
    When the Central System sends RemoteStartTransaction {"connectorId": 0, "idTag": "<validIdTag>"}
    Then the Charge Point answers with status Rejected or a CALLERROR
    And the Charge Point sends no StartTransaction within 10 seconds
