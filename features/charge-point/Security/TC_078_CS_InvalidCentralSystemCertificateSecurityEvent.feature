@TC_078_CS @Security @charge-point
Feature: TC_078_CS Invalid CentralSystemCertificate Security Event
  An invalid Central System root is rejected and reported as a security event.

  Scenario: Install an invalid Central System root
    Given the Charge Point is configured with SecurityProfile = 2
    And the Charge Point is booted
    When the Central System sends InstallCertificate {"certificateType": "CentralSystemRootCertificate", "certificate": "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----"}
    Then the Charge Point answers with status Rejected
    And the Charge Point sends SecurityEventNotification with type=InvalidCentralSystemCertificate
