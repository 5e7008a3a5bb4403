@TC_032_1_CSMS @Core @csms
Feature: TC_032_1_CSMS Power failure boot charging point - configured to stop transaction(s)
  Power is lost during a transaction. On the new connection after the restart the charge point boots,
  reports the connector that had the transaction as Finishing, and stops that transaction with reason
  PowerLoss, naming no id tag (no driver asked for it): the Central System must accept a stop without an id
  tag for a transaction opened on an earlier connection. The lab also checks the case where the charge point
  lost that StopTransaction in the power failure and a driver starts again on the same connector: a connector
  holds one transaction at a time, so the earlier one is over and the id tag is not in another transaction
  (not ConcurrentTx, OCPP 1.6 §4.8).


  Background:
    Given the charge point is booted
    And a charging session is running on the configured connector

  Scenario: Restart after a power failure stops the transaction
    When the charge point restarts after a power failure
    And the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 as Available
    And the charge point reports the configured connector as Finishing
    And the charge point reports every other connector as Available
    And the charge point sends StopTransaction with reason PowerLoss and no id tag
    Then the CSMS acknowledges it

  Scenario: The stop was lost in the power failure; the next start on the connector is accepted
    When the charge point restarts after a power failure
    And the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 and every connector as Available
    And the charge point reports the configured connector as Preparing
    And the charge point sends StartTransaction with the valid id tag
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the charge point reports the configured connector as Charging
