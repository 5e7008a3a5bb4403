@TC_085_CS @Security @charge-point
Feature: TC_085_CS Basic Authentication - Valid username/password combination
  The upgrade request carries Basic credentials: the charge point id as user name, the AuthorizationKey
  (16 to 40 characters) as password (Security white paper §2.3).

  Scenario: Reconnect with Basic credentials
    Given the Charge Point is configured with SecurityProfile = 1
    And the Charge Point is configured with AuthorizationKey = 4F43415F4F4354545F61646D696E5F74657374
    And the Charge Point is booted
    When the Central System sends Reset {"type": "Hard"}
    Then the Charge Point answers with status Accepted
    And the Charge Point opens its connection with Basic credentials for its id
    And the Charge Point sends BootNotification
    And the Charge Point reports connector 0 and every connector with status Available
