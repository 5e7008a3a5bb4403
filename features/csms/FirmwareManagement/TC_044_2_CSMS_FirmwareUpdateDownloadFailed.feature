@TC_044_2_CSMS @FirmwareManagement @csms
Feature: TC_044_2_CSMS Firmware Update - Download Failed
  The download of the new firmware fails.


  Background:
    Given the charge point is booted

  Scenario: Download fails
    When the operator sends UpdateFirmware with:
      | location     | {firmware location} |
      | retries      | 1                   |
    Then the CSMS sends UpdateFirmware with:
      | location     | {firmware location} |
      | retrieveDate | (present)           |
    When the charge point sends FirmwareStatusNotification Downloading
    And the charge point sends FirmwareStatusNotification DownloadFailed
    Then the CSMS acknowledges it
