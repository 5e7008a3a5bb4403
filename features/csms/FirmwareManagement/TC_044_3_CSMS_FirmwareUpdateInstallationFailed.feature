@TC_044_3_CSMS @FirmwareManagement @csms
Feature: TC_044_3_CSMS Firmware Update - Installation Failed
  The firmware downloads but does not install; after the reboot the charge point reports InstallationFailed.


  Background:
    Given the charge point is booted

  Scenario: Installation fails
    When the operator sends UpdateFirmware with:
      | location     | {firmware location} |
      | retries      | 1                   |
    Then the CSMS sends UpdateFirmware with:
      | location     | {firmware location} |
      | retrieveDate | (present)           |
    When the charge point sends FirmwareStatusNotification Downloading
    And the charge point sends FirmwareStatusNotification Downloaded
    When the charge point reports every connector as Unavailable
    And the charge point sends FirmwareStatusNotification Installing
    And the charge point reboots
    And the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports every connector as Available
    And the charge point sends FirmwareStatusNotification InstallationFailed
    Then the CSMS acknowledges it
