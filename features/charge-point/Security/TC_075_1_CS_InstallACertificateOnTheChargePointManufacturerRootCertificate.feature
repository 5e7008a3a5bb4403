@TC_075_1_CS @Security @charge-point
Feature: TC_075_1_CS Install a certificate on the Charge Point - ManufacturerRootCertificate
  An installed root certificate is listed by GetInstalledCertificateIds with hash data the lab recomputes
  (Security white paper §3.4). Needs Security Profile 2 or 3.

  Scenario: Install a ManufacturerRootCertificate
    Given the Charge Point is configured with SecurityProfile = 2
    And the Charge Point is booted
    When the Central System sends InstallCertificate with the lab's ManufacturerRootCertificate
    Then the Charge Point answers with status Accepted
    When the Central System sends GetInstalledCertificateIds {"certificateType": "ManufacturerRootCertificate"}
    Then the Charge Point answers with status Accepted
    And the answer lists the hash data of the lab's ManufacturerRootCertificate
