@TC_074_CS @Security @charge-point
Feature: TC_074_CS Update Charge Point Certificate by request of Central System
  On ExtendedTriggerMessage(SignChargePointCertificate) the charge point makes a key pair and CSR, sends
  SignCertificate, then accepts the signed certificate (Security white paper §3.2). Needs Security Profile 3.

  Scenario: Renew the charge point certificate
    Given the Charge Point is configured with SecurityProfile = 3
    And the Charge Point is configured with CpoName = OcppLab
    And the Charge Point is booted
    And the Charge Point has the lab's CentralSystemRootCertificate installed
    When the Central System sends ExtendedTriggerMessage {"requestedMessage": "SignChargePointCertificate"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends SignCertificate with csr=*
    When the Central System signs the CSR and sends CertificateSigned
    Then the Charge Point answers with status Accepted
    And the Charge Point closes its connection and reconnects
