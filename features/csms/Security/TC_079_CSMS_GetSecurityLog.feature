@TC_079_CSMS @Security @csms
Feature: TC_079_CSMS Get Security Log
  The operator has the charge point upload its security log to the configured location; the charge point
  reports the upload's progress.


  Background:
    Given the CSMS declares a security profile
    And the charge point is booted

  Scenario: Security log upload
    Given the charge point will answer GetLog with:
      | status   | Accepted          |
      | filename | security-log.txt  |
    When the operator sends GetLog with:
      | logType             | SecurityLog    |
      | requestId           | {request id}   |
      | remoteLocation      | {log location} |
      | retries             | 1              |
    Then the CSMS sends GetLog with:
      | logType            | SecurityLog    |
      | log.remoteLocation | {log location} |
    When the charge point sends LogStatusNotification Uploading
    And the charge point sends LogStatusNotification Uploaded
    Then the CSMS acknowledges it
