@TC_046_2_CS @Reservation @charge-point
Feature: TC_046_2_CS Reservation of a Connector - Remote start transaction
  A remote start for the reservation's tag uses the reservation; Preparing comes after the RemoteStart.

  Scenario: The reservation holder starts remotely
    Given the Charge Point is booted
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Reserved
    When the Central System runs state Charging with <validIdTag>, Authorize optional
    Then the Charge Point sent StartTransaction with reservationId=<reservationId>
