@TC_044_1_CS @FirmwareManagement @charge-point
Feature: TC_044_1_CS Firmware Update - Download and Install
  Downloading, Downloaded, Installing, a reboot, Available and Installed (OCPP 1.6 §5.19, §6.15).
  Steps after Installing may come in another order, so they are checked as "eventually".

  Scenario: A firmware update succeeds
    Given the Charge Point is booted
    When the Central System sends UpdateFirmware {"location": "<firmwareUrl>", "retrieveDate": "<now>"}
    Then the Charge Point sends FirmwareStatusNotification with status=Downloading
    And the Charge Point sends FirmwareStatusNotification with status=Downloaded
    And the Charge Point sends FirmwareStatusNotification with status=Installing
    And the Charge Point eventually sends BootNotification
    And the Charge Point eventually sends StatusNotification with status=Available
    And the Charge Point eventually sends FirmwareStatusNotification with status=Installed
