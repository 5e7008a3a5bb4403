@TC_019_CS @Core @charge-point
Feature: TC_019_CS Retrieve configuration
  GetConfiguration for one key, for all keys (the Core keys OCTT checks, with their readonly flag), for
  GetConfigurationMaxKeys, and for exactly that many keys (OCPP 1.6 §5.8, §9.1).
  Ambiguity A2 (octt16-cp.md §7): StopTransactionOnEVSideDisconnect is not in OCTT's list; it is a
  required 1.6 key and is checked here as read-write too.

  Scenario: Four rounds of GetConfiguration
    Given the Charge Point is booted
    When the Central System sends GetConfiguration {"key": ["SupportedFeatureProfiles"]}
    Then the Charge Point answers with configurationKey[0].key=SupportedFeatureProfiles, unknownKey=-
    When the Central System sends GetConfiguration
    Then the Charge Point answers with these keys and access:
      | key                               | access    |
      | AuthorizeRemoteTxRequests         | R or RW   |
      | ClockAlignedDataInterval          | RW        |
      | ConnectionTimeOut                 | RW        |
      | ConnectorPhaseRotation            | RW        |
      | GetConfigurationMaxKeys           | R         |
      | HeartbeatInterval                 | RW        |
      | LocalAuthorizeOffline             | RW        |
      | LocalPreAuthorize                 | RW        |
      | MeterValuesAlignedData            | RW        |
      | MeterValuesSampledData            | RW        |
      | MeterValueSampleInterval          | RW        |
      | NumberOfConnectors                | R         |
      | ResetRetries                      | RW        |
      | StopTransactionOnInvalidId        | RW        |
      | StopTxnAlignedData                | RW        |
      | StopTxnSampledData                | RW        |
      | SupportedFeatureProfiles          | R         |
      | TransactionMessageAttempts        | RW        |
      | TransactionMessageRetryInterval   | RW        |
      | UnlockConnectorOnEVSideDisconnect | R or RW   |
      | StopTransactionOnEVSideDisconnect | RW        |
    When the Central System sends GetConfiguration {"key": ["GetConfigurationMaxKeys"]}
    Then the lab remembers configurationKey[0].value of the answer as <maxKeys>
    When the Central System sends GetConfiguration for as many known keys as GetConfigurationMaxKeys allows
    Then the Charge Point answers with no unknown keys and every requested key
