// A composite schedule as a step chart: the station's GetCompositeSchedule answer and the Central
// System's own computation over the same connector and duration, one line each.
import { svg } from './dom.js';

const W = 560;
const H = 180;
const PAD = { left: 48, right: 16, top: 14, bottom: 26 };

/** series: [{ name, className, duration, periods: [{ startPeriod, limit|null }] }], unit: 'A' or 'W'. */
export function stepChart(series, unit) {
  const drawn = series.filter(s => s.periods?.length);
  const duration = Math.max(1, ...drawn.map(s => s.duration ?? 0), ...drawn.flatMap(s => s.periods.map(p => p.startPeriod + 1)));
  const limits = drawn.flatMap(s => s.periods.map(p => p.limit)).filter(v => v !== null && v !== undefined);
  const maxLimit = Math.max(1, ...limits) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = t => PAD.left + (Math.min(t, duration) / duration) * plotW;
  const y = v => PAD.top + plotH - (v / maxLimit) * plotH;

  const paths = drawn.map(s => {
    const periods = [...s.periods].sort((a, b) => a.startPeriod - b.startPeriod);
    const end = s.duration ?? duration;
    let d = '';
    periods.forEach((p, i) => {
      const until = i + 1 < periods.length ? periods[i + 1].startPeriod : end;
      if (p.limit === null || p.limit === undefined) return; // unlimited: no line
      d += `M${x(p.startPeriod).toFixed(1)},${y(p.limit).toFixed(1)}H${x(until).toFixed(1)}`;
      const next = periods[i + 1];
      if (next && next.limit !== null && next.limit !== undefined) d += `V${y(next.limit).toFixed(1)}`;
    });
    return svg('path', { class: `step ${s.className}`, d },
      svg('title', {}, `${s.name}: ${periods.map(p => `${p.startPeriod}s ${p.limit ?? '∞'} ${unit}`).join(', ')}`));
  });

  const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => svg('text', { class: 'label', x: x(duration * f), y: H - 8, 'text-anchor': 'middle' }, time(duration * f)));
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'schedule', role: 'img', 'aria-label': `Composite schedule in ${unit}` },
    svg('line', { class: 'axis', x1: PAD.left, y1: PAD.top + plotH, x2: W - PAD.right, y2: PAD.top + plotH }),
    svg('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: PAD.top + plotH }),
    svg('text', { class: 'label', x: PAD.left - 6, y: y(maxLimit / 1.1) + 4, 'text-anchor': 'end' }, `${round(maxLimit / 1.1)} ${unit}`),
    svg('text', { class: 'label', x: PAD.left - 6, y: PAD.top + plotH, 'text-anchor': 'end' }, '0'),
    ticks, paths,
    drawn.map((s, i) => svg('text', { class: `legend ${s.className}`, x: W - PAD.right, y: PAD.top + 12 + i * 14, 'text-anchor': 'end' }, s.name)));
}

function time(seconds) {
  if (seconds >= 3600) return `${round(seconds / 3600)} h`;
  if (seconds >= 60) return `${round(seconds / 60)} min`;
  return `${round(seconds)} s`;
}

const round = v => Math.round(v * 10) / 10;
