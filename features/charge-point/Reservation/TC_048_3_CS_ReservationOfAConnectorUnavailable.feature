@TC_048_3_CS @Reservation @charge-point
Feature: TC_048_3_CS Reservation of a Connector - Unavailable
  A Unavailable connector cannot be reserved: ReserveNow answers Unavailable (OCPP 1.6 §5.13).

  Scenario: Reserve a Unavailable connector
    Given the Charge Point is booted
    And the configured connector is Unavailable
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Unavailable
