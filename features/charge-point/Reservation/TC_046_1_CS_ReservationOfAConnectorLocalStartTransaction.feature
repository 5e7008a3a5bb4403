@TC_046_1_CS @Reservation @charge-point
Feature: TC_046_1_CS Reservation of a Connector - Local start transaction
  Only the reservation's tag may use a reserved connector; its StartTransaction carries the
  reservationId (OCPP 1.6 §5.13).
  Ambiguity A6 (octt16-cp.md §7): the reservation has no parent, so the charge point refuses the other
  tag without an Authorize; OCTT's check on the Authorize idTag then holds.

  Scenario: The reservation holder starts locally
    Given the Charge Point is booted
    And every unused connector is Unavailable
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Reserved
    When the tester presents <validIdTag2>
    Then the Charge Point sends no Authorize with idTag=<validIdTag2> within 5 seconds
    And the Charge Point sends no StatusNotification with status=Preparing within 1 seconds
    When the tester presents <validIdTag>
    # Authorize is optional in OCTT here; when it is sent, its idTag must be the reservation's.
    Then the Charge Point sends Authorize with idTag=<validIdTag>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Preparing
    When the tester plugs in the cable
    Then the Charge Point sends StartTransaction with connectorId=<connectorId>, idTag=<validIdTag>, reservationId=<reservationId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
