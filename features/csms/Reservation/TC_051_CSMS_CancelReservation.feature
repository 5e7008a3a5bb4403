@TC_051_CSMS @Reservation @csms
Feature: TC_051_CSMS Cancel Reservation
  The operator cancels a reservation it made; the connector becomes available again.


  Background:
    Given the charge point is booted

  Scenario: Reserve, then cancel
    Given the charge point will answer ReserveNow with status Accepted
    And the charge point will answer CancelReservation with status Accepted
    When the operator sends ReserveNow with:
      | connectorId   | {connector id} |
      | expiryDate    | {expiry date}    |
      | idTag         | {valid id tag}   |
    Then the CSMS sends ReserveNow with:
      | connectorId   | {connector id} |
      | idTag         | {valid id tag}   |
      | reservationId | (present)      |
    When the charge point reports the configured connector as Reserved
    And the operator sends CancelReservation with:
      | reservationId | {reservation id} |
    Then the CSMS sends CancelReservation with:
      | reservationId | {reservation id} |
    When the charge point reports the configured connector as Available
