@TC_001_CSMS @Core @csms
Feature: TC_001_CSMS Cold Boot Charge Point
  A charge point that starts from cold registers with BootNotification, reports every connector and
  then keeps the connection alive with heartbeats at the interval the Central System handed out.


  Scenario: The CSMS registers a charge point that boots from cold
    Given the charge point is connected
    When the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    And the CSMS answers with the configured heartbeat interval
    And the CSMS answers with its current time
    When the charge point reports connector 0 and every connector as Available
    And the charge point sends Heartbeat
    Then the CSMS answers with its current time
