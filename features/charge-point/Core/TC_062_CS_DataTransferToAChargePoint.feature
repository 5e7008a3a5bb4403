@TC_062_CS @Core @charge-point
Feature: TC_062_CS Data Transfer to a Charge Point
  A vendor id the charge point does not know is answered UnknownVendorId, UnknownMessageId or Rejected
  (OCPP 1.6 §5.5). Counted as Core (ambiguity A1, octt16-cp.md §7).

  Scenario: DataTransfer with an unknown vendor
    Given the Charge Point is booted
    When the Central System sends DataTransfer {"vendorId": "org.openchargealliance.octt", "messageId": "TestMessage", "data": "test"}
    Then the Charge Point answers with status UnknownVendorId or UnknownMessageId or Rejected
