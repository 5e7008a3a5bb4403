@TC_004_1_CSMS @Core @csms
Feature: TC_004_1_CSMS Regular Charging Session - Identification First
  The driver presents the id tag first and plugs in afterwards: the reusable state Charging, whose checks
  are those of its steps (Authorize and StartTransaction accepted). The lab also checks that, while that
  session runs, another driver with another id tag may charge on another connector: the first session does
  not make the Central System answer the second start ConcurrentTx, which OCPP 1.6 reserves for an id tag
  already in another transaction; and that a second start with the same id tag gets the answer the Central
  System's declared rule gives (ConcurrentTx when it allows one transaction per id tag).


  Background:
    Given the charge point is booted

  Scenario Outline: Authorize, plug in, start charging (Charging reported <order> StartTransaction)
    Given the charge point has authorized the valid id tag
    When the charge point reports the configured connector as Preparing
    And the charge point starts a transaction with the valid id tag, reporting Charging <order> StartTransaction
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id

    Examples:
      | order  |
      | after  |
      | before |

  Scenario: While the session runs, another driver charges on another connector
    Given a charging session is running on the configured connector
    When a second transaction starts on another connector with the local list id tag
    Then the CSMS answers StartTransaction with id tag status Accepted and a transaction id
    When the second transaction stops with reason Local
    Then the CSMS acknowledges it

  Scenario: While the session runs, the same id tag starts on another connector
    Given a charging session is running on the configured connector
    When a second transaction starts on another connector with the valid id tag
    Then the CSMS answers the second start as its rule on concurrent transactions of one id tag says
    When the second transaction stops with reason Local
    Then the CSMS acknowledges it
