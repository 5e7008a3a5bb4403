@TC_050_1_CS @Reservation @charge-point
Feature: TC_050_1_CS Reservation of a Charge Point - Faulted
  A reservation on connector 0 of a charge point with no usable connector answers Faulted.

  Scenario: Reserve a Faulted charge point
    Given the Charge Point is configured with ReserveConnectorZeroSupported = true
    And the Charge Point is booted
    And the whole Charge Point is Faulted
    When the Central System sends ReserveNow {"connectorId": 0, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Faulted
