@TC_077_CSMS @Security @csms
Feature: TC_077_CSMS Invalid ChargePointCertificate Security Event
  As in TC_074, but the charge point rejects the signed certificate and reports an
  InvalidChargePointCertificate security event, which the Central System acknowledges.


  Background:
    Given the CSMS declares Security Profile 3
    And the charge point is booted

  Scenario: The charge point rejects the signed certificate
    Given the charge point will answer ExtendedTriggerMessage with status Accepted
    And the charge point will answer CertificateSigned with status Rejected
    When the operator sends ExtendedTriggerMessage with:
      | requestedMessage | SignChargePointCertificate |
    Then the CSMS sends ExtendedTriggerMessage with:
      | requestedMessage | SignChargePointCertificate |
      | connectorId      | (absent)                   |
    When the charge point sends SignCertificate with a certificate signing request
    Then the CSMS answers with status Accepted
    And the CSMS sends CertificateSigned with a certificate for the charge point's key
    When the charge point sends SecurityEventNotification InvalidChargePointCertificate
    Then the CSMS acknowledges it
