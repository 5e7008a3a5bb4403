@TC_081_CSMS @Security @csms
Feature: TC_081_CSMS Secure Firmware Update - Invalid Signature
  Signed firmware whose signature does not verify: the charge point reports InvalidSignature.


  Background:
    Given the CSMS declares a security profile
    And the charge point is booted

  Scenario: Signed firmware with a bad signature
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
    And the charge point sends SignedFirmwareStatusNotification InvalidSignature
    Then the CSMS acknowledges it
