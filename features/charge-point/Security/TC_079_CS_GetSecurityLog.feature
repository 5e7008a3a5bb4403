@TC_079_CS @Security @charge-point
Feature: TC_079_CS Get Security Log
  GetLog(SecurityLog) uploads the log: Uploading, Uploaded (Security white paper §3.6).

  Scenario: Upload the security log
    Given the Charge Point is booted
    When the Central System sends GetLog {"logType": "SecurityLog", "requestId": 1, "log": {"remoteLocation": "<logLocation>"}}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends LogStatusNotification with status=Uploading
    And the Charge Point sends LogStatusNotification with status=Uploaded
