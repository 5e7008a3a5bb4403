@TC_087_CS @Security @charge-point
Feature: TC_087_CS TLS - Client-side certificate - valid certificate
  On profile 3 the charge point also presents a client certificate whose subject CN is its serial number
  and whose key is RSA of at least 2048 bits or EC of at least 224 bits (Security white paper §2.5).

  Scenario: Reconnect with a client certificate
    Given the Charge Point is configured with SecurityProfile = 3
    And the Charge Point is configured with CpoName = OcppLab
    And the Charge Point is booted
    And the Charge Point has the lab's CentralSystemRootCertificate installed
    When the Central System sends ExtendedTriggerMessage {"requestedMessage": "SignChargePointCertificate"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends SignCertificate with csr=*
    When the Central System signs the CSR and sends CertificateSigned
    Then the Charge Point answers with status Accepted
    When the Central System sends Reset {"type": "Hard"}
    Then the Charge Point answers with status Accepted
    And the Charge Point opens its connection over TLS 1.2 or later with a valid client certificate
    And the Charge Point sends BootNotification
