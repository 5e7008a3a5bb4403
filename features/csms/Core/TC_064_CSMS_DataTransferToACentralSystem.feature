@TC_064_CSMS @Core @csms
Feature: TC_064_CSMS Data Transfer to a Central System
  The charge point sends DataTransfer for a vendor the Central System does not know. It must not claim to
  have handled it; OCTT passes Accepted with a warning only.


  Background:
    Given the charge point is booted

  Scenario: DataTransfer for an unknown vendor
    When the charge point sends DataTransfer with an unknown vendor id
    Then the CSMS answers with one of the statuses Rejected, UnknownMessageId or UnknownVendorId, tolerating Accepted with a warning
