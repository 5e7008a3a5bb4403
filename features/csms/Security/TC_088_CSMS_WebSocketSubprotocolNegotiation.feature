@TC_088_CSMS @Security @csms @octt-2025-11
Feature: TC_088_CSMS WebSocket Subprotocol negotiation
  Revision 2025-11 only, and it applies to every Central System. An upgrade offering only an unknown
  subprotocol must be refused; one offering it together with ocpp1.6 must be accepted with ocpp1.6 in
  Sec-WebSocket-Protocol (OCPP-J 1.6 §3.1.2).


  Scenario: Refuse ocpp0.1 alone, choose ocpp1.6 from a list
    When the charge point opens a WebSocket offering only the subprotocol ocpp0.1
    Then the CSMS refuses the upgrade
    When the charge point opens a WebSocket offering the subprotocols ocpp0.1, ocpp1.6
    Then the CSMS accepts the upgrade with the subprotocol ocpp1.6
