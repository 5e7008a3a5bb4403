@TC_076_CS @Security @charge-point
Feature: TC_076_CS Delete a specific certificate from the Charge Point
  DeleteCertificate removes the certificate named by its hash data (Security white paper §3.4).

  Scenario: Delete the Central System root
    Given the Charge Point is configured with SecurityProfile = 2
    And the Charge Point is booted
    When the Central System sends InstallCertificate with the lab's CentralSystemRootCertificate
    Then the Charge Point answers with status Accepted
    When the Central System sends GetInstalledCertificateIds {"certificateType": "CentralSystemRootCertificate"}
    Then the Charge Point answers with status Accepted
    When the Central System sends DeleteCertificate for the lab's CentralSystemRootCertificate
    Then the Charge Point answers with status Accepted
    When the Central System sends GetInstalledCertificateIds {"certificateType": "CentralSystemRootCertificate"}
    Then the answer does not list the hash data of the lab's CentralSystemRootCertificate
