@TC_048_2_CS @Reservation @charge-point
Feature: TC_048_2_CS Reservation of a Connector - Occupied
  A Occupied connector cannot be reserved: ReserveNow answers Occupied (OCPP 1.6 §5.13).

  Scenario: Reserve a Occupied connector
    Given the Charge Point is booted
    And the configured connector is Occupied
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Occupied
