@TC_047_CSMS @Reservation @csms
Feature: TC_047_CSMS Reservation of a Connector - Expire
  Nobody comes for the reservation; once it expires the charge point makes the connector available again.


  Background:
    Given the charge point is booted

  Scenario: A reservation runs out
    Given the charge point will answer ReserveNow with status Accepted
    When the operator sends ReserveNow with:
      | connectorId   | {connector id} |
      | expiryDate    | {expiry date}    |
      | idTag         | {valid id tag}   |
    Then the CSMS sends ReserveNow with:
      | connectorId   | {connector id} |
      | idTag         | {valid id tag}   |
      | reservationId | (present)      |
    When the charge point reports the configured connector as Reserved
    And the reservation's expiry date passes
    And the charge point reports the configured connector as Available
    Then the CSMS acknowledges it
