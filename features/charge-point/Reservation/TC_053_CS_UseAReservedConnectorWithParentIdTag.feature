@TC_053_CS @Reservation @charge-point
Feature: TC_053_CS Use a reserved Connector with parentIdTag
  Another tag whose parent, learned from Authorize.conf, equals the reservation's parentIdTag may use the
  reservation (OCPP 1.6 §5.13).

  Scenario: A group member uses the group's reservation
    Given the Charge Point is booted
    And every unused connector is Unavailable
    When the Central System sends ReserveNow {"connectorId": <connectorId>, "expiryDate": "<now+expiry>", "idTag": "<groupIdTag1>", "parentIdTag": "<parentIdTag>", "reservationId": <reservationId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Reserved
    When the Charge Point goes through state Authorized with <groupIdTag2>
    And the tester plugs in the cable
    Then the Charge Point sends StartTransaction with idTag=<groupIdTag2>, reservationId=<reservationId>
    And the Charge Point sends StatusNotification with connectorId=<connectorId>, status=Charging
