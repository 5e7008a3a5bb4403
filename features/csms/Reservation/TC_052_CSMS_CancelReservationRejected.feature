@TC_052_CSMS @Reservation @csms
Feature: TC_052_CSMS Cancel Reservation - Rejected
  The operator cancels a reservation id the charge point does not hold; it rejects the request. The
  Central System must allow a cancel for an id it does not (or no longer) know.


  Background:
    Given the charge point is booted

  Scenario: Cancel of a reservation the charge point does not hold
    Given the charge point will answer ReserveNow with status Accepted
    And the charge point will answer CancelReservation with status Rejected
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
      | reservationId | {other reservation id} |
    Then the CSMS sends CancelReservation with:
      | reservationId | {other reservation id} |
    And the CSMS reports the charge point's answer to the operator
