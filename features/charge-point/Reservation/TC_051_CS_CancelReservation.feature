@TC_051_CS @Reservation @charge-point
Feature: TC_051_CS Cancel Reservation
  A cancelled reservation frees the connector; the next StartTransaction has no reservationId.

  Scenario: Cancel, then charge with another tag
    Given the Charge Point is booted
    And the configured connector is Reserved for <validIdTag>
    When the Central System sends CancelReservation {"reservationId": <reservationId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Available
    When the Central System runs state Charging with <validIdTag2>
    Then the Charge Point sent StartTransaction with reservationId=-
