@TC_081_CS @Security @charge-point
Feature: TC_081_CS Secure Firmware Update - Invalid Signature
  A firmware whose signature does not verify is not installed.

  Scenario: The signature is invalid
    Given the Charge Point is booted
    And the Charge Point has the lab's ManufacturerRootCertificate installed
    When the Central System sends SignedUpdateFirmware with the lab's signed firmware and a wrong signature
    Then the Charge Point answers with status Accepted
    And the Charge Point sends SignedFirmwareStatusNotification with status=Downloading
    And the Charge Point sends SignedFirmwareStatusNotification with status=Downloaded
    And the Charge Point sends SignedFirmwareStatusNotification with status=InvalidSignature
