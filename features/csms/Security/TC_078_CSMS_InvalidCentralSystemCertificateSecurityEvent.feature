@TC_078_CSMS @Security @csms
Feature: TC_078_CSMS Invalid CentralSystemCertificate Security Event
  The charge point refuses a CentralSystemRootCertificate and reports an InvalidCentralSystemCertificate
  security event.


  Background:
    Given the CSMS declares Security Profile 2 or 3
    And the charge point is booted

  Scenario: The charge point rejects a Central System root certificate
    Given the charge point will answer InstallCertificate with status Rejected
    When the operator sends InstallCertificate with:
      | certificateType | CentralSystemRootCertificate |
      | certificate     | {root certificate}           |
    Then the CSMS sends InstallCertificate with:
      | certificateType | CentralSystemRootCertificate |
    When the charge point sends SecurityEventNotification InvalidCentralSystemCertificate
    Then the CSMS acknowledges it
