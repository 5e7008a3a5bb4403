@TC_040_1_CS @Core @charge-point
Feature: TC_040_1_CS Configuration keys - NotSupported
  An unknown key is answered NotSupported (OCPP 1.6 §5.3).

  Scenario: Change an unknown key
    Given the Charge Point is booted
    When the Central System sends ChangeConfiguration {"key": "Testing", "value": "true"}
    Then the Charge Point answers with status NotSupported
