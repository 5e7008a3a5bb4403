// The selected station: boot details, heartbeat, connectors with status and power, its running
// transactions, reservations, profiles and jobs; below, the operator action forms (built once per
// station so a half-filled form survives live updates).
import { byId, fill, h } from './dom.js';
import { get, post, station } from './api.js';
import { ago, clock, kw, kwh } from './format.js';
import { energyWh, powerW } from './meter.js';
import { stationActions } from './actions.js';

const REFRESH_MS = 5000;
const MIN_GAP_MS = 500;

export class StationDetail {
  constructor() {
    this.id = null;
    this.data = null;
    this.error = null;
    this.timer = null;
    this.lastLoad = 0;
    this.scheduled = false;
    setInterval(() => this.id && this.load(), REFRESH_MS);
  }

  show(id) {
    if (id === this.id) return;
    this.id = id;
    this.data = null;
    this.error = null;
    if (!id) {
      byId('detail-title').textContent = 'Station';
      fill('detail-body', h('p', { class: 'empty' }, 'Select a charge point to see its connectors and drive it.'));
      return;
    }
    byId('detail-title').textContent = `Station ${id}`;
    this.info = h('div', { class: 'info', 'aria-live': 'off' }, h('p', { class: 'empty' }, 'Loading…'));
    this.actions = h('div', { class: 'actions' }, h('h3', {}, 'Drive'), stationActions(id, {}));
    fill('detail-body', this.info, this.actions);
    this.load();
  }

  touched(ids) {
    if (!this.id || !ids.has(this.id) || this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => { this.scheduled = false; this.load(); }, Math.max(0, MIN_GAP_MS - (Date.now() - this.lastLoad)));
  }

  async load() {
    const id = this.id;
    this.lastLoad = Date.now();
    try {
      const data = await get(station(id));
      if (id !== this.id) return;
      this.data = data;
      this.error = null;
    } catch (e) {
      if (id !== this.id) return;
      this.error = e;
    }
    this.render();
  }

  render() {
    const d = this.data;
    if (!d) {
      fill(this.info, h('p', { class: 'empty error' }, this.error?.status === 404
        ? `No charge point '${this.id}' has connected to this Central System.`
        : `The station could not be loaded: ${this.error?.summary ?? 'unknown error'}`));
      return;
    }
    const boot = d.lastBoot;
    fill(this.info,
      this.error ? h('p', { class: 'note error' }, `Showing the last data read: ${this.error.summary}`) : null,
      h('dl', { class: 'facts' },
        fact('State', h('span', { class: `state ${d.connected ? 'online' : 'offline'}`, 'data-testid': 'station-state' }, d.connected ? 'Online' : 'Offline'),
          d.connected ? ` since ${clock(d.connectedSince)}` : d.disconnectedAt ? ` since ${clock(d.disconnectedAt)}` : ''),
        fact('Registration', d.registration ?? '–'),
        fact('Last heartbeat', d.lastHeartbeat ? `${ago(d.lastHeartbeat)} (${clock(d.lastHeartbeat)})` : 'none yet'),
        fact('Vendor / model', boot ? `${boot.chargePointVendor} ${boot.chargePointModel}` : '–'),
        fact('Firmware', boot?.firmwareVersion ?? '–'),
        fact('Serial', boot?.chargePointSerialNumber ?? boot?.chargeBoxSerialNumber ?? '–'),
        fact('Last boot', boot ? `${ago(boot.at)} (${boot.status})` : '–'),
        fact('Connections', d.connectionCount)),
      h('h3', {}, 'Connectors'),
      connectors(d),
      transactions(d, this),
      extras(d));
  }

  async stop(transactionId, button) {
    button.disabled = true;
    try {
      await post(`${station(this.id)}/remote-stop`, { transactionId });
    } catch (e) {
      button.textContent = e.summary ?? e.message;
    }
  }
}

const fact = (term, ...value) => h('div', {}, h('dt', {}, term), h('dd', {}, value));

function connectors(d) {
  if (!d.connectors.length) return h('p', { class: 'empty' }, 'The station has not reported any connector status yet.');
  return h('table', { class: 'connectors-table' },
    h('thead', {}, h('tr', {}, ['#', 'Status', 'Error', 'Power', 'Meter', 'Since'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, d.connectors.map(c => h('tr', { dataset: { connector: c.connectorId } },
      h('td', {}, c.connectorId === 0 ? '0 (station)' : c.connectorId),
      h('td', {}, h('span', { class: `badge status-${c.status}`, 'data-testid': `connector-${c.connectorId}-status` }, c.status)),
      h('td', {}, c.errorCode === 'NoError' ? '' : [c.errorCode, c.info ? ` (${c.info})` : '']),
      h('td', { class: 'num' }, kw(powerW(c.latestMeterValues))),
      h('td', { class: 'num' }, kwh(energyWh(c.latestMeterValues))),
      h('td', {}, clock(c.timestamp))))));
}

function transactions(d, detail) {
  if (!d.activeTransactions.length) return null;
  return [h('h3', {}, 'Running transactions'),
    h('table', {},
      h('thead', {}, h('tr', {}, ['Id', 'Conn.', 'Id tag', 'Started', 'Energy', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, d.activeTransactions.map(t => {
        const register = energyWh(d.connectors.find(c => c.connectorId === t.connectorId)?.latestMeterValues);
        return h('tr', {},
          h('td', {}, t.transactionId), h('td', {}, t.connectorId), h('td', {}, t.idTag), h('td', {}, clock(t.startTimestamp)),
          h('td', { class: 'num' }, register === null ? '0.00 kWh' : kwh(Math.max(0, register - t.meterStart))),
          h('td', {}, h('button', { type: 'button', onclick: e => detail.stop(t.transactionId, e.currentTarget) }, `Stop ${t.transactionId}`)));
      })))];
}

function extras(d) {
  const sections = [];
  const live = (d.reservations ?? []).filter(r => r.state !== 'Expired' && r.state !== 'Cancelled' && r.state !== 'Used');
  if (d.reservations?.length) {
    sections.push(more(`Reservations (${live.length} open)`, h('ul', {}, d.reservations.slice(0, 10).map(r =>
      h('li', {}, `#${r.reservationId} connector ${r.connectorId} for ${r.idTag}: ${r.state}, until ${clock(r.expiryDate)}`)))));
  }
  if (d.chargingProfiles?.length) {
    sections.push(more(`Charging profiles (${d.chargingProfiles.length})`, h('ul', {}, d.chargingProfiles.map(p =>
      h('li', {}, `#${p.profile.chargingProfileId} on connector ${p.connectorId}: ${p.profile.chargingProfilePurpose}, stack ${p.profile.stackLevel}, `
        + `${p.profile.chargingSchedule.chargingSchedulePeriod.map(x => `${x.startPeriod}s→${x.limit}${p.profile.chargingSchedule.chargingRateUnit}`).join(', ')}`)))));
  }
  if (d.localList && (d.localList.acceptedVersion !== undefined || d.localList.reportedVersion !== undefined)) {
    sections.push(more('Local list', h('p', {}, `Accepted version ${d.localList.acceptedVersion ?? '–'}, reported ${d.localList.reportedVersion ?? '–'}, ${d.localList.entries.length} entries`)));
  }
  const jobs = [...(d.firmwareJobs ?? []).map(j => `Firmware job ${j.jobId}: ${j.status ?? 'requested'} (${j.location})`),
    ...(d.diagnosticsJobs ?? []).map(j => `Diagnostics job ${j.jobId}: ${j.status ?? 'requested'}${j.fileName ? ` (${j.fileName})` : ''}`)];
  if (jobs.length) sections.push(more(`Firmware and diagnostics (${jobs.length})`, h('ul', {}, jobs.map(j => h('li', {}, j)))));
  if (d.configuration?.length) {
    sections.push(more(`Configuration last read (${d.configuration.length} keys)`, h('table', { class: 'config' },
      h('tbody', {}, d.configuration.map(c => h('tr', {}, h('td', {}, c.key), h('td', {}, c.known ? c.value ?? '' : 'unknown key')))))));
  }
  return sections;
}

// Which sections the operator opened, so that a refresh keeps them open.
const opened = new Set();

function more(title, body) {
  const key = title.replace(/ \(.*$/, '');
  return h('details', { class: 'more', open: opened.has(key), ontoggle: e => (e.currentTarget.open ? opened.add(key) : opened.delete(key)) },
    h('summary', {}, title), body);
}
