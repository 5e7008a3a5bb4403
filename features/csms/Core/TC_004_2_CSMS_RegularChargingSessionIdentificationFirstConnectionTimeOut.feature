@TC_004_2_CSMS @Core @csms
Feature: TC_004_2_CSMS Regular Charging Session - Identification First - ConnectionTimeOut
  The driver is authorized but never plugs in; after ConnectionTimeOut the charge point gives the connector
  back. No transaction follows, and the Central System must not need one.


  Background:
    Given the charge point is booted

  Scenario: Authorized driver never plugs in
    Given the charge point has authorized the valid id tag
    When the charge point reports the configured connector as Preparing
    # ConnectionTimeOut passes on the charge point's side; the Central System only sees the next status.
    And the charge point reports the configured connector as Available
    Then the CSMS sends no RemoteStopTransaction
