@TC_077_CS @Security @charge-point
Feature: TC_077_CS Invalid ChargePointCertificate Security Event
  An invalid signed certificate is rejected and reported as a security event (Security white paper §3.2).

  Scenario: The signed certificate is invalid
    Given the Charge Point is configured with SecurityProfile = 3
    And the Charge Point is configured with CpoName = OcppLab
    And the Charge Point is booted
    And the Charge Point has the lab's CentralSystemRootCertificate installed
    When the Central System sends ExtendedTriggerMessage {"requestedMessage": "SignChargePointCertificate"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends SignCertificate with csr=*
    When the Central System sends CertificateSigned {"certificateChain": "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----"}
    Then the Charge Point answers with status Rejected
    And the Charge Point sends SecurityEventNotification with type=InvalidChargePointCertificate
