@TC_047_CS @Reservation @charge-point
Feature: TC_047_CS Reservation of a Connector - Expire
  A reservation ends at its expiryDate: Available again, and anyone may charge.
  Ambiguity A13 (octt16-cp.md §7): the final Charging run uses the configured valid tag.

  Scenario: Nobody comes before the expiry
    Given the Charge Point is booted
    And every unused connector is Unavailable
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Reserved
    And the Charge Point sends no StatusNotification with status=Available within 50 seconds
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
    When the Central System runs state Charging with <validIdTag2>
    Then the Charge Point sent StartTransaction with reservationId=-
