@TC_041_CS @Core @charge-point
Feature: TC_041_CS Fault Behavior
  A faulted charge point reports Faulted and starts no transaction.

  Scenario: Nothing starts while faulted
    Given the Charge Point is booted
    When the tester forces the Charge Point into a fault
    Then the Charge Point eventually sends StatusNotification with status=Faulted
    When the tester tries to start a transaction with <validIdTag>
    Then the Charge Point sends no StartTransaction within <transactionDuration> seconds
