@TC_086_CSMS @Security @csms
Feature: TC_086_CSMS TLS - server-side certificate - Valid certificate
  Over TLS (with Basic credentials on Security Profile 2) the charge point connects and boots. During the
  handshake OCTT checks TLS 1.2 or newer, the cipher suites, the key length and the certificate's serial
  number and CN; a failed check fails the case even when the connection works.


  Background:
    Given the CSMS declares Security Profile 2 or 3

  Scenario: TLS connection with a valid server certificate
    Then the CSMS's TLS endpoint meets OCTT's TLS requirements
    When the charge point opens a WebSocket over TLS with Basic credentials
    Then the CSMS accepts the upgrade
    When the charge point sends BootNotification
    Then the CSMS answers with status Accepted
    When the charge point reports connector 0 and every connector as Available
