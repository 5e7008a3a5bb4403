@TC_045_1_CS @FirmwareManagement @charge-point
Feature: TC_045_1_CS Get Diagnostics
  The charge point names the file and uploads it: Uploading, Uploaded (OCPP 1.6 §5.9). Counted as
  FirmwareManagement (ambiguity A1, octt16-cp.md §7).

  Scenario: Diagnostics are uploaded
    Given the Charge Point is booted
    When the Central System sends GetDiagnostics {"location": "<logLocation>"}
    Then the Charge Point answers with fileName=*
    And the Charge Point sends DiagnosticsStatusNotification with status=Uploading
    And the Charge Point sends DiagnosticsStatusNotification with status=Uploaded
