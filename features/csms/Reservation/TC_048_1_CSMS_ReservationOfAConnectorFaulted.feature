@TC_048_1_CSMS @Reservation @csms
Feature: TC_048_1_CSMS Reservation of a Connector - Faulted
  The charge point cannot reserve a faulted connector.
  The Central System must handle the refusal.


  Background:
    Given the charge point is booted

  Scenario: ReserveNow answered Faulted
    Given the charge point will answer ReserveNow with status Faulted
    When the operator sends ReserveNow with:
      | connectorId   | {connector id} |
      | expiryDate    | {expiry date}    |
      | idTag         | {valid id tag}   |
    Then the CSMS sends ReserveNow with:
      | connectorId   | {connector id} |
      | idTag         | {valid id tag}   |
      | reservationId | (present)      |
    And the CSMS reports the charge point's answer to the operator
