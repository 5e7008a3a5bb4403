// Calls per second (bars) and mean round trip (line) over the last minute, hand-drawn in SVG.
import { byId, fill, svg } from './dom.js';

const SECONDS = 60;
const W = 640;
const H = 170;
const PAD = { left: 40, right: 48, top: 12, bottom: 22 };

export class TrafficChart {
  constructor() {
    this.buckets = new Map(); // epoch second -> { calls, latencySum, answers }
    setInterval(() => this.draw(), 1000);
    this.draw();
  }

  add(batch) {
    for (const f of batch) {
      const second = Math.floor(new Date(f.timestamp).getTime() / 1000);
      const b = this.buckets.get(second) ?? { calls: 0, latencySum: 0, answers: 0 };
      if (f.type === 'Call') b.calls++;
      if (typeof f.roundTripMs === 'number') { b.latencySum += f.roundTripMs; b.answers++; }
      this.buckets.set(second, b);
    }
  }

  draw() {
    const now = Math.floor(Date.now() / 1000);
    for (const second of this.buckets.keys()) if (second < now - SECONDS) this.buckets.delete(second);
    const series = [];
    for (let s = now - SECONDS + 1; s <= now; s++) {
      const b = this.buckets.get(s);
      series.push({ calls: b?.calls ?? 0, latency: b && b.answers ? b.latencySum / b.answers : null });
    }
    const maxCalls = niceMax(Math.max(1, ...series.map(p => p.calls)));
    const maxLatency = niceMax(Math.max(1, ...series.map(p => p.latency ?? 0)));
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const x = i => PAD.left + (i / SECONDS) * plotW;
    const yCalls = v => PAD.top + plotH - (v / maxCalls) * plotH;
    const yLatency = v => PAD.top + plotH - (v / maxLatency) * plotH;
    const barW = plotW / SECONDS - 1;

    const bars = series.map((p, i) => p.calls ? svg('rect', { class: 'bar', x: x(i), y: yCalls(p.calls), width: barW, height: PAD.top + plotH - yCalls(p.calls) }) : null);
    const segments = [];
    let current = [];
    series.forEach((p, i) => {
      if (p.latency === null) { if (current.length) segments.push(current); current = []; return; }
      current.push(`${(x(i) + barW / 2).toFixed(1)},${yLatency(p.latency).toFixed(1)}`);
    });
    if (current.length) segments.push(current);
    const lines = segments.map(points => points.length === 1
      ? svg('circle', { class: 'latency-dot', cx: points[0].split(',')[0], cy: points[0].split(',')[1], r: 2 })
      : svg('polyline', { class: 'latency', points: points.join(' ') }));

    const last = series.at(-2) ?? series.at(-1);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Calls per second (last: ${last.calls}) and mean latency in ms` },
      svg('title', {}, 'Calls per second and mean round trip, last 60 s'),
      svg('line', { class: 'axis', x1: PAD.left, y1: PAD.top + plotH, x2: W - PAD.right, y2: PAD.top + plotH }),
      [0, 0.5, 1].map(f => svg('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: PAD.top + plotH * (1 - f), y2: PAD.top + plotH * (1 - f) })),
      svg('text', { class: 'label calls', x: PAD.left - 6, y: PAD.top + 4, 'text-anchor': 'end' }, String(maxCalls)),
      svg('text', { class: 'label calls', x: PAD.left - 6, y: PAD.top + plotH, 'text-anchor': 'end' }, '0'),
      svg('text', { class: 'label latency', x: W - PAD.right + 6, y: PAD.top + 4 }, `${maxLatency} ms`),
      svg('text', { class: 'label latency', x: W - PAD.right + 6, y: PAD.top + plotH }, '0'),
      svg('text', { class: 'label', x: PAD.left, y: H - 6 }, '−60 s'),
      svg('text', { class: 'label', x: W - PAD.right, y: H - 6, 'text-anchor': 'end' }, 'now'),
      bars, lines);
    fill(byId('traffic-chart'), root, legend(last));
  }
}

function legend(last) {
  const p = document.createElement('figcaption');
  p.append(swatch('bar'), ` calls/s (${last.calls})  `, swatch('latency'), ` mean latency (${last.latency === null ? '–' : `${last.latency.toFixed(1)} ms`})`);
  return p;
}

function swatch(kind) {
  const s = document.createElement('span');
  s.className = `swatch ${kind}`;
  s.setAttribute('aria-hidden', 'true');
  return s;
}

function niceMax(v) {
  const power = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 5, 10]) if (v <= step * power) return step * power;
  return 10 * power;
}
