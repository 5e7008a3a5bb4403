@TC_050_3_CS @Reservation @charge-point
Feature: TC_050_3_CS Reservation of a Charge Point - Unavailable
  A reservation on connector 0 of a charge point with no usable connector answers Unavailable.

  Scenario: Reserve a Unavailable charge point
    Given the Charge Point is configured with ReserveConnectorZeroSupported = true
    And the Charge Point is booted
    And the whole Charge Point is Unavailable
    When the Central System sends ReserveNow {"connectorId": 0, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Unavailable
