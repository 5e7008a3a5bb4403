@TC_086_CS @Security @charge-point
Feature: TC_086_CS TLS - server-side certificate - Valid certificate
  The charge point connects over TLS 1.2 or later, offers OCTT's cipher suite pairs and validates the
  server certificate against its Central System root (Security white paper §2.4).

  Scenario: Reconnect over TLS
    Given the Charge Point is configured with SecurityProfile = 2
    And the Charge Point is configured with AuthorizationKey = 4F43415F4F4354545F61646D696E5F74657374
    And the Charge Point is booted
    And the Charge Point has the lab's CentralSystemRootCertificate installed
    When the Central System sends Reset {"type": "Hard"}
    Then the Charge Point answers with status Accepted
    And the Charge Point opens its connection over TLS 1.2 or later with the required cipher suites
    And the Charge Point sends BootNotification
