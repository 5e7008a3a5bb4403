@TC_052_CS @Reservation @charge-point
Feature: TC_052_CS Cancel Reservation - Rejected
  An unknown reservation id is refused and the reservation stays.
  Ambiguity A9 (octt16-cp.md §7): the case leaves the reservation; each case here gets a new charge point.

  Scenario: Cancel an unknown reservation
    Given the Charge Point is booted
    And the configured connector is Reserved for <validIdTag>
    When the Central System sends CancelReservation {"reservationId": <otherReservationId>}
    Then the Charge Point answers with status Rejected
    And the configured connector is Reserved at the Charge Point
