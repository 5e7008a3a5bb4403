@TC_049_CSMS @Reservation @csms
Feature: TC_049_CSMS Reservation of a Charge Point - Transaction
  The operator reserves the charge point as a whole (connector 0). Despite its title the case has no
  transaction.


  Background:
    Given the charge point is booted

  Scenario: Reserve connector 0
    Given the charge point will answer ReserveNow with status Accepted
    When the operator sends ReserveNow with:
      | connectorId   | 0 |
      | expiryDate    | {expiry date}    |
      | idTag         | {valid id tag}   |
    Then the CSMS sends ReserveNow with:
      | connectorId   | 0 |
      | idTag         | {valid id tag}   |
      | reservationId | (present)      |
    When the charge point reports the configured connector as Reserved
    Then the CSMS acknowledges it
