@TC_050_4_CS @Reservation @charge-point
Feature: TC_050_4_CS Reservation of a Charge Point - Rejected
  Without the Reservation profile a reservation on connector 0 is answered Rejected.

  Scenario: Reserve connector 0 on a charge point without reservations
    Given the Charge Point does not support Reservation
    And the Charge Point is booted
    When the Central System sends ReserveNow {"connectorId": 0, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Rejected
