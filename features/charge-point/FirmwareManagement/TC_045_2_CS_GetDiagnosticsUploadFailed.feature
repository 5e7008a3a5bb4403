@TC_045_2_CS @FirmwareManagement @charge-point
Feature: TC_045_2_CS Get Diagnostics - Upload Failed
  An unreachable location ends in UploadFailed and the charge point carries on.

  Scenario: The upload fails
    Given the Charge Point is booted
    When the Central System sends GetDiagnostics {"location": "ftp://127.0.0.1:21/files/failedLocation", "retries": 0}
    Then the Charge Point sends DiagnosticsStatusNotification with status=Uploading
    And the Charge Point eventually sends DiagnosticsStatusNotification with status=UploadFailed
