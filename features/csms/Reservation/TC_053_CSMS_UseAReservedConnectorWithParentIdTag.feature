@TC_053_CSMS @Reservation @csms
Feature: TC_053_CSMS Use a reserved Connector with parentIdTag
  The reservation names the group (parent) id tag; a different member of the same group may use it. The
  Central System fills in the parent id tag from its own data, and answers the member's Authorize with it.


  Background:
    Given the charge point is booted

  Scenario: A group member uses a reservation made for the group
    Given the charge point will answer ReserveNow with status Accepted
    When the operator sends ReserveNow with:
      | connectorId   | {connector id}         |
      | expiryDate    | {expiry date}          |
      | idTag         | {group member id tag}  |
    Then the CSMS sends ReserveNow with:
      | connectorId   | {connector id}    |
      | idTag         | {group member id tag} |
      | parentIdTag   | {group id tag}    |
      | reservationId | (present)      |
    When the charge point reports the configured connector as Reserved
    And the charge point sends Authorize with the group member id tag
    Then the CSMS answers with id tag status Accepted
    When the charge point reports the configured connector as Preparing
    And the charge point sends StartTransaction with the group member id tag and the reservation id
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
    And the charge point sends Authorize with the other group member id tag
    Then the CSMS answers with id tag status Accepted
    And the CSMS answers with the group id tag as parent id tag
    When the charge point sends StopTransaction with reason Local
    And the charge point reports the configured connector as Finishing
