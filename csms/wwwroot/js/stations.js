// The charge point list: one server-side page at a time (search and online filter on the server),
// redrawn only when a frame touched a station on the page, or every few seconds for ages and disconnects.
import { byId, fill, h } from './dom.js';
import { get, query } from './api.js';
import { ago, kw } from './format.js';
import { powerW } from './meter.js';
import { report } from './status.js';

const PAGE_SIZE = 25;
const REFRESH_MS = 5000;
const MIN_GAP_MS = 1000;

export class StationList {
  constructor(onSelect) {
    this.onSelect = onSelect;
    this.offset = 0;
    this.search = '';
    this.connected = '';
    this.page = null;
    this.selected = null;
    this.loading = false;
    this.dirty = false;
    this.lastLoad = 0;
    this.visibleIds = new Set();

    let typing;
    byId('station-search').addEventListener('input', e => {
      clearTimeout(typing);
      typing = setTimeout(() => { this.search = e.target.value.trim(); this.offset = 0; this.load(); }, 200);
    });
    byId('station-connected').addEventListener('change', e => { this.connected = e.target.value; this.offset = 0; this.load(); });
    byId('station-filter').addEventListener('submit', e => e.preventDefault());
    byId('page-prev').addEventListener('click', () => { this.offset = Math.max(0, this.offset - PAGE_SIZE); this.load(); });
    byId('page-next').addEventListener('click', () => { this.offset += PAGE_SIZE; this.load(); });
    setInterval(() => this.load(), REFRESH_MS);
  }

  /** Frames arrived for these stations: reload if one is on the page, or the page has room for a new one. */
  touched(ids) {
    const roomForNew = !this.page || this.page.items.length < PAGE_SIZE;
    if (roomForNew || [...ids].some(id => this.visibleIds.has(id))) this.schedule();
  }

  schedule() {
    if (this.dirty) return;
    this.dirty = true;
    const wait = Math.max(0, MIN_GAP_MS - (Date.now() - this.lastLoad));
    setTimeout(() => { this.dirty = false; this.load(); }, wait);
  }

  select(id) {
    this.selected = id;
    this.render();
  }

  async load() {
    if (this.loading) { this.schedule(); return; }
    this.loading = true;
    this.lastLoad = Date.now();
    try {
      const page = await get(`/api/charge-points${query({ offset: this.offset, limit: PAGE_SIZE, search: this.search, connected: this.connected })}`);
      if (page.items.length === 0 && this.offset > 0 && page.total > 0) {
        this.offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
        this.loading = false;
        return this.load();
      }
      this.page = page;
      report('stations', null);
      this.render();
    } catch (e) {
      report('stations', e);
      if (!this.page) fill('stations-body', h('p', { class: 'empty error' }, `Charge points could not be loaded: ${e.summary ?? e.message}`));
    } finally {
      this.loading = false;
    }
  }

  render() {
    const page = this.page;
    if (!page) return;
    this.visibleIds = new Set(page.items.map(s => s.id));
    const last = Math.min(page.total, page.offset + page.items.length);
    byId('page-info').textContent = page.total === 0 ? '' : `${page.offset + 1}–${last} of ${page.total}`;
    byId('page-prev').disabled = page.offset === 0;
    byId('page-next').disabled = last >= page.total;
    document.querySelector('.pager').hidden = page.total <= PAGE_SIZE && page.offset === 0;

    if (page.total === 0) {
      fill('stations-body', this.search || this.connected ? noMatch() : noStations());
      return;
    }
    fill('stations-body', h('table', { class: 'stations-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Charge point'), h('th', { scope: 'col' }, 'Model'),
        h('th', { scope: 'col' }, 'Heartbeat'), h('th', { scope: 'col' }, 'Connectors'))),
      h('tbody', {}, page.items.map(s => this.row(s)))));
  }

  row(s) {
    const now = Date.now();
    return h('tr', { class: s.id === this.selected ? 'selected' : null, dataset: { station: s.id } },
      h('td', {},
        h('span', { class: `dot ${s.connected ? 'online' : 'offline'}`, title: s.connected ? 'online' : 'offline' }),
        h('button', { type: 'button', class: 'link', onclick: () => this.onSelect(s.id), 'aria-label': `Open ${s.id} (${s.connected ? 'online' : 'offline'})` }, s.id),
        s.registration && s.registration !== 'Accepted' ? h('span', { class: 'tag warn' }, s.registration) : null),
      h('td', {}, [s.vendor, s.model].filter(Boolean).join(' ') || '–'),
      h('td', { title: s.lastHeartbeat ?? '' }, s.lastHeartbeat ? ago(s.lastHeartbeat, now) : s.lastBootAt ? `none; boot ${ago(s.lastBootAt, now)}` : 'never'),
      h('td', { class: 'connectors' }, s.connectors.filter(c => c.connectorId > 0).map(connectorBadge)));
  }
}

export function connectorBadge(c) {
  const power = powerW(c.latestMeterValues);
  return h('span', { class: `badge status-${c.status}`, title: `Connector ${c.connectorId}: ${c.status}${c.errorCode && c.errorCode !== 'NoError' ? ` (${c.errorCode})` : ''}` },
    `${c.connectorId} ${c.status}`, c.status === 'Charging' && power !== null ? ` ${kw(power)}` : '');
}

function noStations() {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ocpp/`;
  return h('div', { class: 'empty-state' },
    h('p', { class: 'big' }, 'No charge point has connected yet.'),
    h('p', {}, 'Point a charge point at ', h('code', {}, `${url}{chargePointId}`), ' with subprotocol ', h('code', {}, 'ocpp1.6'), '. It appears here as soon as it connects.'));
}

function noMatch() {
  return h('div', { class: 'empty-state' }, h('p', {}, 'No charge point matches the filter.'));
}

/** The numbers in the header: stations, online, running transactions. */
export async function loadTotals() {
  try {
    const [all, online, running] = await Promise.all([
      get('/api/charge-points?limit=1'),
      get('/api/charge-points?limit=1&connected=true'),
      get('/api/transactions?active=true&limit=1'),
    ]);
    byId('total-stations').textContent = all.total;
    byId('total-online').textContent = online.total;
    byId('total-charging').textContent = running.total;
    report('totals', null);
  } catch (e) {
    report('totals', e);
  }
}
