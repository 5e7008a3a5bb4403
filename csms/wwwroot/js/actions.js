// The operator actions of one station, each a form over the operator API's typed endpoints
// (or the generic calls/{action} for anything else).
import { h } from './dom.js';
import { del, post, query, station } from './api.js';
import { actionForm } from './forms.js';
import { stepChart } from './schedule-chart.js';

const list = text => (text ?? '').split(',').map(s => s.trim()).filter(Boolean);
const iso = local => (local ? new Date(local).toISOString() : undefined);

/** Parses "0:32, 1800:16" (seconds from start : limit) into charging schedule periods. */
export function periods(text) {
  return list(text).map(part => {
    const [start, limit, phases] = part.split(':').map(s => s.trim());
    const period = { startPeriod: Number(start), limit: Number(limit) };
    if (phases) period.numberPhases = Number(phases);
    if (!Number.isInteger(period.startPeriod) || !Number.isFinite(period.limit)) throw new Error(`'${part}' is not start:limit (e.g. 0:16)`);
    return period;
  });
}

export function stationActions(id, context) {
  const base = station(id);
  const defs = [
    {
      id: 'remote-start', title: 'Remote start', button: 'Start',
      fields: [
        { name: 'idTag', label: 'Id tag', value: 'VALID001', required: true },
        { name: 'connectorId', label: 'Connector', type: 'number', value: 1, min: 1, hint: 'Empty: the station chooses.' },
        { name: 'waitSeconds', label: 'Wait for StartTransaction (s)', type: 'number', value: 10, min: 0 },
      ],
      send: v => post(`${base}/remote-start${query({ waitSeconds: v.waitSeconds })}`, { idTag: v.idTag, connectorId: v.connectorId }),
    },
    {
      id: 'remote-stop', title: 'Remote stop', button: 'Stop',
      fields: [{ name: 'transactionId', label: 'Transaction id', type: 'number', required: true, value: context.runningTransactionId }],
      send: v => post(`${base}/remote-stop`, { transactionId: v.transactionId }),
    },
    {
      id: 'reset', title: 'Reset',
      fields: [{ name: 'type', label: 'Type', type: 'select', options: ['Soft', 'Hard'], value: 'Soft' }],
      send: v => post(`${base}/reset`, { type: v.type }),
    },
    {
      id: 'unlock', title: 'Unlock connector',
      fields: [{ name: 'connectorId', label: 'Connector', type: 'number', value: 1, min: 1, required: true }],
      send: v => post(`${base}/unlock`, { connectorId: v.connectorId }),
    },
    {
      id: 'availability', title: 'Change availability',
      fields: [
        { name: 'connectorId', label: 'Connector (0: whole station)', type: 'number', value: 0, min: 0, required: true },
        { name: 'type', label: 'Availability', type: 'select', options: ['Operative', 'Inoperative'], value: 'Inoperative' },
      ],
      send: v => post(`${base}/change-availability`, { connectorId: v.connectorId, type: v.type }),
    },
    {
      id: 'get-configuration', title: 'Get configuration', button: 'Read',
      fields: [{ name: 'keys', label: 'Keys', placeholder: 'all keys', hint: 'Comma-separated; empty reads every key.' }],
      send: v => post(`${base}/get-configuration`, list(v.keys).length ? { key: list(v.keys) } : {}),
      show: configurationTable,
    },
    {
      id: 'change-configuration', title: 'Change configuration', button: 'Change',
      fields: [
        { name: 'key', label: 'Key', value: 'HeartbeatInterval', required: true },
        { name: 'value', label: 'Value', value: '300', required: true },
      ],
      send: v => post(`${base}/change-configuration`, { key: v.key, value: v.value ?? '' }),
    },
    {
      id: 'trigger', title: 'Trigger message', button: 'Trigger',
      fields: [
        { name: 'requestedMessage', label: 'Message', type: 'select', value: 'MeterValues',
          options: ['BootNotification', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'Heartbeat', 'MeterValues', 'StatusNotification'] },
        { name: 'connectorId', label: 'Connector', type: 'number', min: 0, hint: 'Empty: the whole station.' },
      ],
      send: v => post(`${base}/trigger-message`, { requestedMessage: v.requestedMessage, connectorId: v.connectorId }),
    },
    {
      id: 'reserve', title: 'Reserve now', button: 'Reserve',
      fields: [
        { name: 'connectorId', label: 'Connector (0: any)', type: 'number', value: 1, min: 0, required: true },
        { name: 'idTag', label: 'Id tag', value: 'VALID002', required: true },
        { name: 'expiresInSeconds', label: 'Expires in (s)', type: 'number', value: 900, min: 1, required: true },
      ],
      send: v => post(`${base}/reservations`, { connectorId: v.connectorId, idTag: v.idTag, expiresInSeconds: v.expiresInSeconds }),
    },
    {
      id: 'cancel-reservation', title: 'Cancel reservation', button: 'Cancel reservation',
      fields: [{ name: 'reservationId', label: 'Reservation id', type: 'number', required: true, value: context.reservationId }],
      send: v => del(`${base}/reservations/${encodeURIComponent(v.reservationId)}`),
    },
    {
      id: 'set-profile', title: 'Set charging profile', button: 'Set',
      fields: [
        { name: 'connectorId', label: 'Connector (0: station)', type: 'number', value: 0, min: 0, required: true },
        { name: 'chargingProfileId', label: 'Profile id', type: 'number', value: 1, required: true },
        { name: 'stackLevel', label: 'Stack level', type: 'number', value: 0, min: 0, required: true },
        { name: 'purpose', label: 'Purpose', type: 'select', options: ['TxDefaultProfile', 'ChargePointMaxProfile', 'TxProfile'], value: 'TxDefaultProfile' },
        { name: 'kind', label: 'Kind', type: 'select', options: ['Relative', 'Absolute', 'Recurring'], value: 'Relative' },
        { name: 'recurrency', label: 'Recurrency (Recurring)', type: 'select', options: ['', 'Daily', 'Weekly'], value: '' },
        { name: 'unit', label: 'Unit', type: 'select', options: ['A', 'W'], value: 'A' },
        { name: 'duration', label: 'Duration (s)', type: 'number', min: 1, value: 3600 },
        { name: 'periods', label: 'Periods', value: '0:32, 1800:16', required: true, hint: 'start seconds:limit[:phases], comma-separated; the first starts at 0.' },
      ],
      send: v => post(`${base}/charging-profiles`, {
        connectorId: v.connectorId,
        csChargingProfiles: {
          chargingProfileId: v.chargingProfileId,
          stackLevel: v.stackLevel,
          chargingProfilePurpose: v.purpose,
          chargingProfileKind: v.kind,
          recurrencyKind: v.recurrency,
          chargingSchedule: {
            duration: v.duration,
            startSchedule: v.kind === 'Relative' ? undefined : new Date().toISOString(),
            chargingRateUnit: v.unit,
            chargingSchedulePeriod: periods(v.periods),
          },
        },
      }),
    },
    {
      id: 'clear-profile', title: 'Clear charging profile', button: 'Clear',
      fields: [
        { name: 'id', label: 'Profile id', type: 'number', hint: 'Empty fields are not criteria; all empty clears every profile.' },
        { name: 'connectorId', label: 'Connector', type: 'number', min: 0 },
        { name: 'purpose', label: 'Purpose', type: 'select', options: ['', 'TxDefaultProfile', 'ChargePointMaxProfile', 'TxProfile'], value: '' },
        { name: 'stackLevel', label: 'Stack level', type: 'number', min: 0 },
      ],
      send: v => post(`${base}/charging-profiles/clear`, { id: v.id, connectorId: v.connectorId, chargingProfilePurpose: v.purpose, stackLevel: v.stackLevel }),
    },
    {
      id: 'composite', title: 'Composite schedule', button: 'Get schedule',
      fields: [
        { name: 'connectorId', label: 'Connector (0: station)', type: 'number', value: 1, min: 0, required: true },
        { name: 'duration', label: 'Duration (s)', type: 'number', value: 3600, min: 1, required: true },
        { name: 'unit', label: 'Unit', type: 'select', options: ['A', 'W'], value: 'A' },
      ],
      send: v => post(`${base}/composite-schedule`, { connectorId: v.connectorId, duration: v.duration, chargingRateUnit: v.unit }),
      show: compositeChart,
    },
    {
      id: 'local-list', title: 'Send local list', button: 'Send list',
      fields: [
        { name: 'updateType', label: 'Update type', type: 'select', options: ['Full', 'Differential'], value: 'Full' },
        { name: 'listVersion', label: 'List version', type: 'number', min: 1, hint: 'Empty: one above the last known.' },
        { name: 'idTags', label: 'Id tags', placeholder: 'every id tag', hint: 'Comma-separated; empty sends every id tag of the Central System.' },
      ],
      send: v => post(`${base}/local-list`, { updateType: v.updateType, listVersion: v.listVersion, idTags: list(v.idTags).length ? list(v.idTags) : undefined }),
    },
    {
      id: 'update-firmware', title: 'Update firmware', button: 'Update',
      fields: [
        { name: 'location', label: 'Firmware URI', placeholder: 'http://…/firmware.bin', hint: 'Or give the name of a file this Central System serves.' },
        { name: 'firmware', label: 'Served file name' },
        { name: 'retrieveDate', label: 'Retrieve at', type: 'datetime-local', hint: 'Empty: now.' },
        { name: 'retries', label: 'Retries', type: 'number', min: 0 },
      ],
      send: v => post(`${base}/update-firmware`, { location: v.location, firmware: v.firmware, retrieveDate: iso(v.retrieveDate), retries: v.retries }),
    },
    {
      id: 'get-diagnostics', title: 'Get diagnostics', button: 'Request',
      fields: [
        { name: 'location', label: 'Upload location', hint: 'Empty: this Central System’s upload folder.' },
        { name: 'startTime', label: 'From', type: 'datetime-local' },
        { name: 'stopTime', label: 'To', type: 'datetime-local' },
        { name: 'retries', label: 'Retries', type: 'number', min: 0 },
      ],
      send: v => post(`${base}/get-diagnostics`, { location: v.location, startTime: iso(v.startTime), stopTime: iso(v.stopTime), retries: v.retries }),
    },
    {
      id: 'raw-call', title: 'Any CALL', button: 'Send CALL',
      fields: [
        { name: 'action', label: 'Action', value: 'ClearCache', required: true },
        { name: 'payload', label: 'Payload (JSON)', type: 'textarea', value: '{}', rows: 3 },
      ],
      send: v => post(`${base}/calls/${encodeURIComponent(v.action)}`, JSON.parse(v.payload ?? '{}')),
    },
  ];
  return defs.map(actionForm);
}

function configurationTable(data) {
  const keys = data.configurationKey ?? [];
  return h('div', { class: 'config' },
    keys.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Read-only'))),
      h('tbody', {}, keys.map(k => h('tr', {}, h('td', {}, k.key), h('td', {}, k.value ?? ''), h('td', {}, k.readonly ? 'yes' : ''))))) : null,
    data.unknownKey?.length ? h('p', {}, `Unknown keys: ${data.unknownKey.join(', ')}`) : null);
}

function compositeChart(data) {
  const station = data.station?.chargingSchedule;
  const ours = data.computed;
  const unit = station?.chargingRateUnit ?? ours?.chargingRateUnit ?? 'A';
  return h('figure', { class: 'schedule-figure' },
    stepChart([
      { name: 'station', className: 'station', duration: station?.duration, periods: station?.chargingSchedulePeriod },
      { name: 'Central System', className: 'computed', duration: ours?.duration, periods: ours?.chargingSchedulePeriod },
    ], unit),
    h('figcaption', {}, `Station: ${data.station?.status ?? '?'}${station ? '' : ' (no schedule)'} · Central System: ${ours?.chargingSchedulePeriod?.length ?? 0} period(s)`));
}
