@TC_076_CSMS @Security @csms
Feature: TC_076_CSMS Delete a specific certificate from the Charge Point
  A CentralSystemRootCertificate is installed; the Central System lists it and deletes it by echoing the
  hash data the charge point reported, with the same hash algorithm. Revision 2025-11 repeats this for
  SHA256, SHA384 and SHA512.


  Background:
    Given the charge point is booted

  Scenario Outline: Delete a certificate identified by <algorithm> hash data
    Given the charge point will answer InstallCertificate with status Accepted
    And the charge point will answer GetInstalledCertificateIds with the installed root's hash data in <algorithm>
    And the charge point will answer DeleteCertificate with status Accepted
    When the operator sends InstallCertificate with:
      | certificateType | CentralSystemRootCertificate |
      | certificate     | {root certificate}           |
    Then the CSMS sends InstallCertificate
    When the operator sends GetInstalledCertificateIds with:
      | certificateType | CentralSystemRootCertificate |
    Then the CSMS sends GetInstalledCertificateIds
    When the operator sends DeleteCertificate for the reported certificate
    Then the CSMS sends DeleteCertificate echoing the reported hash data
    And the CSMS reports the charge point's answer to the operator

    Examples:
      | algorithm |
      | SHA256    |
      | SHA384    |
      | SHA512    |
