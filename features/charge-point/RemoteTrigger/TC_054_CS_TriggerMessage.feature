@TC_054_CS @RemoteTrigger @charge-point
Feature: TC_054_CS Trigger Message
  Each requested message is accepted and then sent (OCPP 1.6 §5.17); firmware and diagnostics report Idle.

  Scenario: Five triggered messages
    Given the Charge Point is booted
    When the Central System sends TriggerMessage {"requestedMessage": "MeterValues", "connectorId": <connectorId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends MeterValues with connectorId=<connectorId>
    When the Central System sends TriggerMessage {"requestedMessage": "Heartbeat"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends Heartbeat
    When the Central System sends TriggerMessage {"requestedMessage": "StatusNotification", "connectorId": <connectorId>}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends StatusNotification with connectorId=<connectorId>
    When the Central System sends TriggerMessage {"requestedMessage": "DiagnosticsStatusNotification"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends DiagnosticsStatusNotification with status=Idle
    When the Central System sends TriggerMessage {"requestedMessage": "FirmwareStatusNotification"}
    Then the Charge Point answers with status Accepted
    And the Charge Point sends FirmwareStatusNotification with status=Idle
