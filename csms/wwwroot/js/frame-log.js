// The scrolling frame log: the last frames in a ring, newest first, at most ROWS rows in the DOM.
import { byId, fill, h } from './dom.js';
import { clock, json, ms } from './format.js';

const KEEP = 2000;
const ROWS = 300;
const TYPE = { Call: 'CALL', CallResult: 'RESULT', CallError: 'ERROR' };

export class FrameLog {
  constructor() {
    this.frames = [];
    this.filter = '';
    this.paused = false;
    this.body = byId('log-rows');
    byId('log-search').addEventListener('input', e => { this.filter = e.target.value.trim().toLowerCase(); this.redraw(); });
    byId('log-pause').addEventListener('change', e => { this.paused = e.target.checked; if (!this.paused) this.redraw(); });
    byId('log-filter').addEventListener('submit', e => e.preventDefault());
  }

  add(batch) {
    this.frames.push(...batch);
    if (this.frames.length > KEEP) this.frames.splice(0, this.frames.length - KEEP);
    if (this.paused) return;
    const fresh = batch.filter(f => this.matches(f)).slice(-ROWS).reverse();
    if (fresh.length === 0) return;
    this.body.querySelector('tr.placeholder')?.remove();
    this.body.prepend(...fresh.map(f => this.row(f)));
    while (this.body.childElementCount > ROWS) this.body.lastElementChild.remove();
  }

  matches(f) {
    if (!this.filter) return true;
    return f.chargePointId.toLowerCase().includes(this.filter) || (f.action ?? '').toLowerCase().includes(this.filter);
  }

  redraw() {
    const rows = [];
    for (let i = this.frames.length - 1; i >= 0 && rows.length < ROWS; i--) {
      if (this.matches(this.frames[i])) rows.push(this.row(this.frames[i]));
    }
    fill(this.body, rows.length ? rows : h('tr', { class: 'placeholder' }, h('td', { colspan: 6, class: 'empty' }, 'No frame yet.')));
  }

  row(f) {
    const kind = f.type ?? 'Unreadable';
    return h('tr', { class: `frame ${kind}`, tabindex: 0, onclick: e => this.show(f, e.currentTarget), onkeydown: e => { if (e.key === 'Enter') this.show(f, e.currentTarget); } },
      h('td', {}, clock(f.timestamp)),
      h('td', {}, f.chargePointId),
      h('td', { class: `dir ${f.direction}` }, f.direction === 'In' ? '→ CS' : '← CS'),
      h('td', {}, TYPE[kind] ?? kind),
      h('td', {}, f.action ?? '?'),
      h('td', { class: 'num' }, ms(f.roundTripMs)));
  }

  show(f, row) {
    this.body.querySelector('tr.selected')?.classList.remove('selected');
    row.classList.add('selected');
    const head = `${f.chargePointId} ${f.direction === 'In' ? 'to' : 'from'} the Central System · ${f.type ?? 'unreadable'} ${f.action ?? ''} · id ${f.messageId ?? '?'}${f.roundTripMs !== undefined && f.roundTripMs !== null ? ` · ${ms(f.roundTripMs)} ms` : ''}`;
    byId('log-payload').textContent = `${head}\n${f.fault ? `fault: ${f.fault}\n` : ''}\n${f.payload !== undefined ? json(f.payload) : f.frame}`;
  }
}
