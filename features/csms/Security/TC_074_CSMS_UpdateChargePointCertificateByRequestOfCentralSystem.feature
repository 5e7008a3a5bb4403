@TC_074_CSMS @Security @csms
Feature: TC_074_CSMS Update Charge Point Certificate by request of Central System
  The Central System triggers a certificate renewal; the charge point sends a CSR, the Central System's CA
  signs it and sends the certificate back; the charge point then connects with it. Revision 2025-11 checks
  the certificate: PEM, the CSR's key, CN = the charge point's serial number, and a long enough key.


  Background:
    Given the CSMS declares Security Profile 3
    And the charge point is booted

  Scenario: Certificate renewal triggered by the CSMS
    Given the charge point will answer ExtendedTriggerMessage with status Accepted
    And the charge point will answer CertificateSigned with status Accepted
    When the operator sends ExtendedTriggerMessage with:
      | requestedMessage | SignChargePointCertificate |
    Then the CSMS sends ExtendedTriggerMessage with:
      | requestedMessage | SignChargePointCertificate |
      | connectorId      | (absent)                   |
    When the charge point sends SignCertificate with a certificate signing request
    Then the CSMS answers with status Accepted
    And the CSMS sends CertificateSigned with a certificate for the charge point's key
    When the charge point opens a WebSocket over TLS presenting its client certificate
    Then the CSMS accepts the upgrade
