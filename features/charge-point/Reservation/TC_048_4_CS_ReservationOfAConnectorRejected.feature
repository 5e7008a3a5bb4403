@TC_048_4_CS @Reservation @charge-point
Feature: TC_048_4_CS Reservation of a Connector - Rejected
  A charge point without the Reservation profile answers Rejected, never a CALLERROR (octt16-cp.md §5).

  Scenario: Reserve on a charge point without reservations
    Given the Charge Point does not support Reservation
    And the Charge Point is booted
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Rejected
