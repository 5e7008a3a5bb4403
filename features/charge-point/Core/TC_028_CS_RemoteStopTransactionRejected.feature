@TC_028_CS @Core @charge-point
Feature: TC_028_CS Remote Stop Transaction - Rejected
  A RemoteStop for an unknown transaction is refused and the running one continues.

  Scenario: Remote stop with an unknown transaction id
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the Central System sends RemoteStopTransaction {"transactionId": <unknownTransactionId>}
    Then the Charge Point answers with status Rejected
    And the Charge Point sends no StopTransaction within 5 seconds
    And the transaction on the configured connector is still running
