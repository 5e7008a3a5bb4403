@TC_048_1_CS @Reservation @charge-point
Feature: TC_048_1_CS Reservation of a Connector - Faulted
  A Faulted connector cannot be reserved: ReserveNow answers Faulted (OCPP 1.6 §5.13).

  Scenario: Reserve a Faulted connector
    Given the Charge Point is booted
    And the configured connector is Faulted
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<validIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Faulted
