@TC_066_CSMS @SmartCharging @csms
Feature: TC_066_CSMS Get Composite Schedule
  The operator asks for the composite schedule of the configured connector over the configured duration
  and rate unit; the charge point answers with a schedule.


  Background:
    Given the charge point is booted

  Scenario: GetCompositeSchedule
    Given the charge point will answer GetCompositeSchedule with:
      | status                                                | Accepted             |
      | connectorId                                           | {connector id}       |
      | scheduleStart                                         | {now}                |
      | chargingSchedule.duration                             | {composite schedule duration} |
      | chargingSchedule.chargingRateUnit                     | {charging rate unit} |
      | chargingSchedule.chargingSchedulePeriod[0].startPeriod | 0                   |
      | chargingSchedule.chargingSchedulePeriod[0].limit       | {limit}             |
    When the operator sends GetCompositeSchedule with:
      | connectorId      | {connector id}                |
      | duration         | {composite schedule duration} |
      | chargingRateUnit | {charging rate unit}          |
    Then the CSMS sends GetCompositeSchedule with:
      | connectorId      | {connector id}                |
      | duration         | {composite schedule duration} |
      | chargingRateUnit | {charging rate unit}          |
    And the CSMS reports the charge point's answer to the operator
