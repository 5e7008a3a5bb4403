@TC_050_2_CS @Reservation @charge-point
Feature: TC_050_2_CS Reservation of a Charge Point - Occupied
  A reservation on connector 0 of a charge point with no usable connector answers Occupied.

  Scenario: Reserve a Occupied charge point
    Given the Charge Point is configured with ReserveConnectorZeroSupported = true
    And the Charge Point is booted
    And every connector is Occupied
    When the Central System sends ReserveNow {"connectorId": 0, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Occupied
