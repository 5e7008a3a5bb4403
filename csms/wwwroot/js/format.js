// How values read on the page: times, durations, energy, power.

export function clock(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleTimeString([], { hour12: false });
}

export function ago(iso, now = Date.now()) {
  if (!iso) return 'never';
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (seconds < 0) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

export function kwh(wh) {
  return wh === null || wh === undefined ? '–' : `${(wh / 1000).toFixed(2)} kWh`;
}

export function kw(w) {
  return w === null || w === undefined ? '–' : `${(w / 1000).toFixed(1)} kW`;
}

export function ms(value) {
  return value === null || value === undefined ? '' : value < 10 ? value.toFixed(1) : Math.round(value).toString();
}

export const json = value => JSON.stringify(value, null, 2);
