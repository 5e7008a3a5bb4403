@TC_042_1_CS @LocalAuthListManagement @charge-point
Feature: TC_042_1_CS Get Local List Version (not supported)
  A charge point without the profile, or with it disabled, reports version -1 or a CALLERROR NotSupported
  (OCPP 1.6 §5.10). Run on a charge point that leaves the profile out.

  Scenario: No local list
    Given the Charge Point does not support LocalAuthListManagement
    And the Charge Point is booted
    When the Central System sends GetLocalListVersion
    Then the Charge Point answers with listVersion=-1
