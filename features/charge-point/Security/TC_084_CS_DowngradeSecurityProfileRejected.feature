@TC_084_CS @Security @charge-point
Feature: TC_084_CS Downgrade security profile - Rejected
  A lower SecurityProfile is refused (Security white paper §2.4).

  Scenario: Downgrade from profile 2 to 1
    Given the Charge Point is configured with SecurityProfile = 2
    And the Charge Point is configured with AuthorizationKey = 4F43415F4F4354545F61646D696E5F74657374
    And the Charge Point is booted
    When the Central System sends ChangeConfiguration {"key": "SecurityProfile", "value": "1"}
    Then the Charge Point answers with status Rejected
