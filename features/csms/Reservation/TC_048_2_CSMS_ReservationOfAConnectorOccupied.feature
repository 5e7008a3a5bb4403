@TC_048_2_CSMS @Reservation @csms
Feature: TC_048_2_CSMS Reservation of a Connector - Occupied
  The connector is being prepared for another driver, so the reservation is refused as Occupied.
  The Central System must handle the refusal.


  Background:
    Given the charge point is booted

  Scenario: ReserveNow answered Occupied
    When the charge point reports the configured connector as Preparing
    Given the charge point will answer ReserveNow with status Occupied
    When the operator sends ReserveNow with:
      | connectorId   | {connector id} |
      | expiryDate    | {expiry date}    |
      | idTag         | {valid id tag}   |
    Then the CSMS sends ReserveNow with:
      | connectorId   | {connector id} |
      | idTag         | {valid id tag}   |
      | reservationId | (present)      |
    And the CSMS reports the charge point's answer to the operator
