@TC_080_CSMS @Security @csms
Feature: TC_080_CSMS Secure Firmware Update
  The operator has the charge point install signed firmware. It downloads, verifies the signature, goes
  unavailable, installs, reboots, reports a FirmwareUpdated security event and Installed. The steps after
  the reboot may come in any order; this run uses the order of the test case document.


  Background:
    Given the CSMS declares a security profile
    And the charge point is booted

  Scenario: Signed firmware installed
    Given the charge point will answer SignedUpdateFirmware with status Accepted
    When the operator sends SignedUpdateFirmware with:
      | requestId                   | {request id}                   |
      | retries                     | 1                              |
      | firmware.location           | {firmware location}            |
      | firmware.retrieveDateTime   | {retrieve date}                |
      | firmware.signingCertificate | {firmware signing certificate} |
      | firmware.signature          | {firmware signature}           |
    Then the CSMS sends SignedUpdateFirmware with:
      | firmware.location           | {firmware location} |
      | firmware.retrieveDateTime   | (present)           |
      | firmware.signingCertificate | (present)           |
      | firmware.signature          | (present)           |
    When the charge point sends SignedFirmwareStatusNotification Downloading
    And the charge point sends SignedFirmwareStatusNotification Downloaded
    And the charge point sends SignedFirmwareStatusNotification SignatureVerified
    And the charge point reports every connector as Unavailable
    And the charge point sends SignedFirmwareStatusNotification Installing
    And the charge point sends SignedFirmwareStatusNotification InstallRebooting
    And the charge point reboots
    And the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point sends SecurityEventNotification FirmwareUpdated
    And the charge point reports every connector as Available
    And the charge point sends SignedFirmwareStatusNotification Installed
    Then the CSMS acknowledges it
