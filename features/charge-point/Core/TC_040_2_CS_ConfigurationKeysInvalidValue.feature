@TC_040_2_CS @Core @charge-point
Feature: TC_040_2_CS Configuration keys - Invalid value
  A negative interval is refused: Rejected, or a CALLERROR PropertyConstraintViolation.

  Scenario: Set a negative sample interval
    Given the Charge Point is booted
    When the Central System sends ChangeConfiguration {"key": "MeterValueSampleInterval", "value": "-1"}
    Then the Charge Point answers with status Rejected or a CALLERROR PropertyConstraintViolation
