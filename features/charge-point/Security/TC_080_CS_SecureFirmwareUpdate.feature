@TC_080_CS @Security @charge-point
Feature: TC_080_CS Secure Firmware Update
  A signed firmware is downloaded, its signature verified, installed after a reboot (Security white paper §3.5).

  Scenario: A signed firmware update succeeds
    Given the Charge Point is booted
    And the Charge Point has the lab's ManufacturerRootCertificate installed
    When the Central System sends SignedUpdateFirmware with the lab's signed firmware
    Then the Charge Point answers with status Accepted
    And the Charge Point sends SignedFirmwareStatusNotification with status=Downloading
    And the Charge Point sends SignedFirmwareStatusNotification with status=Downloaded
    And the Charge Point sends SignedFirmwareStatusNotification with status=SignatureVerified
    And the Charge Point eventually sends SignedFirmwareStatusNotification with status=Installing
    And the Charge Point eventually sends BootNotification
    And the Charge Point eventually sends SignedFirmwareStatusNotification with status=Installed
