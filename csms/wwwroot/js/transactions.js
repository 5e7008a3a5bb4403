// Running transactions with the energy delivered so far: the latest energy register the station
// reported for the transaction (from MeterValues on the live stream, or read once from the API)
// minus its meterStart.
import { byId, fill, h } from './dom.js';
import { get } from './api.js';
import { clock, kw, kwh } from './format.js';
import { energyWh, powerW } from './meter.js';
import { report } from './status.js';

const PAGE_SIZE = 50;
const REFRESH_MS = 5000;

export class RunningTransactions {
  constructor(onSelect) {
    this.onSelect = onSelect;
    this.items = [];
    this.total = 0;
    this.meters = new Map(); // transactionId -> { energyWh, powerW }
    this.fetched = new Set();
    this.pendingLoad = null;
    setInterval(() => this.load(), REFRESH_MS);
  }

  /** Takes MeterValues and transaction frames from a batch of the stream. */
  frames(batch) {
    let changed = false;
    let reload = false;
    for (const f of batch) {
      if (f.direction !== 'In' || f.type !== 'Call') continue;
      if (f.action === 'MeterValues' && f.payload?.transactionId !== undefined) {
        this.record(f.payload.transactionId, f.payload.meterValue);
        changed = true;
      } else if (f.action === 'StartTransaction' || f.action === 'StopTransaction') {
        reload = true;
      }
    }
    if (reload) this.soon();
    else if (changed) this.render();
  }

  record(transactionId, meterValues) {
    const known = this.meters.get(transactionId) ?? { energyWh: null, powerW: null };
    this.meters.set(transactionId, {
      energyWh: energyWh(meterValues) ?? known.energyWh,
      powerW: powerW(meterValues) ?? known.powerW,
    });
  }

  soon() {
    // The StartTransaction answer follows its CALL; give the store a moment to hold the new transaction.
    clearTimeout(this.pendingLoad);
    this.pendingLoad = setTimeout(() => this.load(), 300);
  }

  async load() {
    try {
      const page = await get(`/api/transactions?active=true&limit=${PAGE_SIZE}`);
      this.items = page.items;
      this.total = page.total;
      report('transactions', null);
      this.render();
      await this.readMissingMeters();
    } catch (e) {
      report('transactions', e);
      if (this.items.length === 0) fill('tx-body', h('p', { class: 'empty error' }, `Transactions could not be loaded: ${e.summary ?? e.message}`));
    }
  }

  async readMissingMeters() {
    const missing = this.items.filter(t => t.meterValueCount > 0 && !this.meters.has(t.transactionId) && !this.fetched.has(t.transactionId));
    for (const t of missing.slice(0, 10)) {
      this.fetched.add(t.transactionId);
      try {
        this.record(t.transactionId, await get(`/api/transactions/${t.transactionId}/meter-values`));
      } catch { /* shown as unknown energy */ }
    }
    if (missing.length) this.render();
  }

  render() {
    if (this.total === 0) {
      fill('tx-body', h('p', { class: 'empty' }, 'No transaction is running.'));
      return;
    }
    fill('tx-body',
      h('table', { class: 'tx-table' },
        h('thead', {}, h('tr', {}, ['Id', 'Charge point', 'Conn.', 'Id tag', 'Started', 'Energy', 'Power'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, this.items.map(t => {
          const meter = this.meters.get(t.transactionId);
          const energy = meter?.energyWh !== null && meter?.energyWh !== undefined ? Math.max(0, meter.energyWh - t.meterStart) : null;
          return h('tr', { dataset: { transaction: t.transactionId } },
            h('td', {}, t.transactionId),
            h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => this.onSelect(t.chargePointId) }, t.chargePointId)),
            h('td', {}, t.connectorId),
            h('td', {}, t.idTag),
            h('td', {}, clock(t.startTimestamp)),
            h('td', { class: 'num' }, energy === null ? '0.00 kWh' : kwh(energy)),
            h('td', { class: 'num' }, kw(meter?.powerW ?? null)));
        }))),
      this.total > this.items.length ? h('p', { class: 'note' }, `Showing the ${this.items.length} newest of ${this.total}.`) : null);
  }
}
