@TC_075_1_CSMS @Security @csms
Feature: TC_075_1_CSMS Install a certificate on the CP - ManufacturerRootCertificate
  The operator installs a real root certificate of type ManufacturerRootCertificate, then lists the installed certificates
  of that type.


  Background:
    Given the CSMS declares Security Profile 2 or 3
    And the charge point is booted

  Scenario: Install and list a ManufacturerRootCertificate
    Given the charge point will answer InstallCertificate with status Accepted
    And the charge point will answer GetInstalledCertificateIds with the installed root's hash data in SHA256
    When the operator sends InstallCertificate with:
      | certificateType | ManufacturerRootCertificate      |
      | certificate     | {root certificate} |
    Then the CSMS sends InstallCertificate with:
      | certificateType | ManufacturerRootCertificate |
      | certificate     | {root certificate} |
    When the operator sends GetInstalledCertificateIds with:
      | certificateType | ManufacturerRootCertificate |
    Then the CSMS sends GetInstalledCertificateIds with:
      | certificateType | ManufacturerRootCertificate |
    And the CSMS reports the charge point's answer to the operator
