@TC_083_CS @Security @charge-point
Feature: TC_083_CS Upgrade Charge Point Security Profile - Accepted
  A higher SecurityProfile is accepted and the charge point comes back on it, by itself or after a reset.

  Scenario: Upgrade from profile 1 to 2
    Given the Charge Point is configured with SecurityProfile = 1
    And the Charge Point is configured with AuthorizationKey = 4F43415F4F4354545F61646D696E5F74657374
    And the Charge Point is booted
    When the Central System sends InstallCertificate with the lab's CentralSystemRootCertificate
    Then the Charge Point answers with status Accepted
    When the Central System sends ChangeConfiguration {"key": "SecurityProfile", "value": "2"}
    Then the Charge Point answers with status Accepted or RebootRequired
    And the Charge Point closes its connection and reconnects
    And the Charge Point is connected with Security Profile 2
