@TC_048_4_CSMS @Reservation @csms
Feature: TC_048_4_CSMS Reservation of a Connector - Rejected
  The charge point is configured not to accept reservations.
  The Central System must handle the refusal.


  Background:
    Given the charge point is booted

  Scenario: ReserveNow answered Rejected
    Given the charge point will answer ReserveNow with status Rejected
    When the operator sends ReserveNow with:
      | connectorId   | {connector id} |
      | expiryDate    | {expiry date}    |
      | idTag         | {valid id tag}   |
    Then the CSMS sends ReserveNow with:
      | connectorId   | {connector id} |
      | idTag         | {valid id tag}   |
      | reservationId | (present)      |
    And the CSMS reports the charge point's answer to the operator
