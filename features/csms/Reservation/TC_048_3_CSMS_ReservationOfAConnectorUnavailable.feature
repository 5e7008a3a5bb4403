@TC_048_3_CSMS @Reservation @csms
Feature: TC_048_3_CSMS Reservation of a Connector - Unavailable
  The operator first makes the connector inoperative; a reservation on it is then refused as Unavailable.
  The Central System must handle the refusal.


  Background:
    Given the charge point is booted

  Scenario: ReserveNow answered Unavailable
    Given the charge point will answer ChangeAvailability with status Accepted
    When the operator sends ChangeAvailability with:
      | connectorId | {connector id} |
      | type        | Inoperative    |
    Then the CSMS sends ChangeAvailability with:
      | connectorId | {connector id} |
      | type        | Inoperative    |
    When the charge point reports the configured connector as Unavailable
    Given the charge point will answer ReserveNow with status Unavailable
    When the operator sends ReserveNow with:
      | connectorId   | {connector id} |
      | expiryDate    | {expiry date}    |
      | idTag         | {valid id tag}   |
    Then the CSMS sends ReserveNow with:
      | connectorId   | {connector id} |
      | idTag         | {valid id tag}   |
      | reservationId | (present)      |
    And the CSMS reports the charge point's answer to the operator
