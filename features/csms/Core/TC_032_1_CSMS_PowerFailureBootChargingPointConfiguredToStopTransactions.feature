@TC_032_1_CSMS @Core @csms
Feature: TC_032_1_CSMS Power failure boot charging point - configured to stop transaction(s)
  Power is lost during a transaction. On the new connection after the restart the charge point boots,
  reports the connector that had the transaction as Finishing, and stops that transaction with reason
  PowerLoss, naming no id tag (no driver asked for it): the Central System must accept a stop without an id
  tag for a transaction opened on an earlier connection.


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
