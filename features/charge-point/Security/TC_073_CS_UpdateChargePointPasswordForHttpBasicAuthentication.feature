@TC_073_CS @Security @charge-point
Feature: TC_073_CS Update Charge Point Password for HTTP Basic Authentication
  A new AuthorizationKey is accepted, and the charge point closes its connection and reconnects with the
  new password (Security white paper §2.3). Ambiguity A10 (octt16-cp.md §7): the 38-character hex value is
  used as given; the charge point decodes or not as configured.

  Scenario: The charge point reconnects with the new key
    Given the Charge Point is configured with SecurityProfile = 1
    And the Charge Point is booted
    When the Central System sends ChangeConfiguration {"key": "AuthorizationKey", "value": "4F43415F4F4354545F61646D696E5F74657374"}
    Then the Charge Point answers with status Accepted
    And the Charge Point closes its connection and reconnects
    And the Charge Point uses the Basic-auth password 4F43415F4F4354545F61646D696E5F74657374
