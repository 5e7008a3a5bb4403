@TC_087_CSMS @Security @csms
Feature: TC_087_CSMS TLS - Client-side certificate - valid certificate
  Mutual TLS: the Central System asks for and accepts the charge point's client certificate, with the same
  handshake checks as TC_086.


  Background:
    Given the CSMS declares Security Profile 3

  Scenario: Mutual TLS connection
    Then the CSMS's TLS endpoint meets OCTT's TLS requirements
    When the charge point opens a WebSocket over TLS presenting its client certificate
    Then the CSMS accepts the upgrade
    When the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 and every connector as Available
