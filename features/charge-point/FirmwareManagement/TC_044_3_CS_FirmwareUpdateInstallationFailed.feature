@TC_044_3_CS @FirmwareManagement @charge-point
Feature: TC_044_3_CS Firmware Update - Installation Failed
  An image that is not a valid firmware downloads but fails to install.

  Scenario: The installation fails
    Given the Charge Point is booted
    When the Central System sends UpdateFirmware {"location": "<invalidFirmwareUrl>", "retrieveDate": "<now>"}
    Then the Charge Point sends FirmwareStatusNotification with status=Downloading
    And the Charge Point sends FirmwareStatusNotification with status=Downloaded
    And the Charge Point eventually sends FirmwareStatusNotification with status=InstallationFailed
