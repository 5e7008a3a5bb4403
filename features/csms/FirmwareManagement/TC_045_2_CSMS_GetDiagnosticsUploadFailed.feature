@TC_045_2_CSMS @FirmwareManagement @csms
Feature: TC_045_2_CSMS Get Diagnostics - Upload Failed
  The diagnostics upload fails.


  Background:
    Given the charge point is booted

  Scenario: Diagnostics upload ends UploadFailed
    Given the charge point will answer GetDiagnostics with:
      | fileName | diagnostics-ocpplab.zip |
    When the operator sends GetDiagnostics with:
      | location | {diagnostics location} |
      | retries  | 1                      |
    Then the CSMS sends GetDiagnostics with:
      | location | {diagnostics location} |
    And the CSMS reports the charge point's answer to the operator
    When the charge point sends DiagnosticsStatusNotification Uploading
    And the charge point sends DiagnosticsStatusNotification UploadFailed
    Then the CSMS acknowledges it
