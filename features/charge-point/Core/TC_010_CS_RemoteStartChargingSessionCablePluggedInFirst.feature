@TC_010_CS @Core @charge-point
Feature: TC_010_CS Remote Start Charging Session - Cable Plugged in First
  The body is OCTT's Charging state: plug in, RemoteStartTransaction, Authorize when
  AuthorizeRemoteTxRequests is true, StartTransaction and Charging.

  Scenario: A remote start after plug-in
    Given the Charge Point is booted
    When the Central System runs state Charging
    Then the configured connector is Charging at the Charge Point
