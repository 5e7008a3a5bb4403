@TC_049_CS @Reservation @charge-point
Feature: TC_049_CS Reservation of a Charge Point - Transaction
  A reservation on connector 0 holds one free connector for the tag (ReserveConnectorZeroSupported).
  Ambiguity A7 (octt16-cp.md §7): with every other connector Unavailable, Reserved is reported for the
  one free connector.

  Scenario: Charge on a reserved charge point
    Given the Charge Point is configured with ReserveConnectorZeroSupported = true
    And the Charge Point is booted
    And every unused connector is Unavailable
    When the Central System sends ReserveNow {"connectorId": 0, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Reserved
    When the Central System runs state Charging with <validIdTag>, Authorize optional
    Then the Charge Point sent StartTransaction with idTag=<validIdTag>, reservationId=<reservationId>
