@TC_054_CSMS @RemoteTrigger @csms
Feature: TC_054_CSMS Trigger Message
  The operator triggers each message a charge point can be asked for; the charge point accepts and sends
  it. Five rounds: MeterValues, Heartbeat, StatusNotification, DiagnosticsStatusNotification and
  FirmwareStatusNotification.


  Background:
    Given the charge point is booted

  Scenario: Trigger every message
    When the operator sends TriggerMessage with:
      | requestedMessage | MeterValues    |
      | connectorId      | {connector id} |
    Then the CSMS sends TriggerMessage with:
      | requestedMessage | MeterValues    |
      | connectorId      | {connector id} |
    When the charge point sends MeterValues for the configured connector
    And the operator sends TriggerMessage with:
      | requestedMessage | Heartbeat |
    Then the CSMS sends TriggerMessage with:
      | requestedMessage | Heartbeat |
    When the charge point sends Heartbeat
    And the operator sends TriggerMessage with:
      | requestedMessage | StatusNotification |
      | connectorId      | {connector id}     |
    Then the CSMS sends TriggerMessage with:
      | requestedMessage | StatusNotification |
      | connectorId      | {connector id}     |
    When the charge point reports the configured connector as Available
    And the operator sends TriggerMessage with:
      | requestedMessage | DiagnosticsStatusNotification |
    Then the CSMS sends TriggerMessage with:
      | requestedMessage | DiagnosticsStatusNotification |
    When the charge point sends DiagnosticsStatusNotification Idle
    And the operator sends TriggerMessage with:
      | requestedMessage | FirmwareStatusNotification |
    Then the CSMS sends TriggerMessage with:
      | requestedMessage | FirmwareStatusNotification |
    When the charge point sends FirmwareStatusNotification Idle
    Then the CSMS acknowledges it
