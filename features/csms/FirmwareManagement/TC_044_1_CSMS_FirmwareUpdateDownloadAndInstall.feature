@TC_044_1_CSMS @FirmwareManagement @csms
Feature: TC_044_1_CSMS Firmware Update - Download and Install
  The operator has the charge point fetch and install new firmware from the configured location. The
  charge point reports each stage, reboots, boots again and reports Installed.


  Background:
    Given the charge point is booted

  Scenario: Download and install
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
    And the charge point sends FirmwareStatusNotification Installed
    Then the CSMS acknowledges it
