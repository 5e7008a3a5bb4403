@TC_046_CSMS @Reservation @csms
Feature: TC_046_CSMS Reservation of a Connector - Transaction
  The operator reserves the configured connector for the valid tag; the driver arrives and charges. The
  StartTransaction carries the reservation's id, which the Central System must accept.


  Background:
    Given the charge point is booted

  Scenario: A reserved connector is used by its driver
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
    And the charge point sends Authorize with the valid id tag
    Then the CSMS answers with id tag status Accepted
    When the charge point reports the configured connector as Preparing
    And the charge point sends StartTransaction with the valid id tag and the reservation id
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
