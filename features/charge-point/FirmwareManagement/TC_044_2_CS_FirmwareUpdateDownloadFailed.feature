@TC_044_2_CS @FirmwareManagement @charge-point
Feature: TC_044_2_CS Firmware Update - Download Failed
  An unreachable location ends in DownloadFailed; the old firmware stays. The charge point downloads
  over HTTP only, so OCTT's ftp:// location fails as an unreachable server would.

  Scenario: The download fails
    Given the Charge Point is booted
    When the Central System sends UpdateFirmware {"location": "ftp://127.0.0.1:21/download_fail.fwi", "retrieveDate": "<now>", "retries": 0}
    Then the Charge Point eventually sends FirmwareStatusNotification with status=DownloadFailed
