@TC_068_CS @Core @charge-point
Feature: TC_068_CS Stop transaction - IdTag in Stop matches IdTag in Start
  Only the tag that started the transaction ends it.
  Ambiguity A3 (octt16-cp.md §7): the starting tag was answered without a parentIdTag, so no other tag
  can ever stop it and the charge point needs no Authorize to know; that is the reading OCTT accepts.

  Scenario: Another tag cannot stop the session, the starting one can
    Given the Charge Point is booted
    And the Charge Point is in state Charging
    When the tester presents <validIdTag2>
    Then the Charge Point sends no Authorize within 5 seconds
    And the Charge Point sends no StopTransaction within 5 seconds
    When the tester presents <validIdTag>
    Then the Charge Point sends StopTransaction with idTag=<validIdTag>, transactionId=<transactionId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Finishing
