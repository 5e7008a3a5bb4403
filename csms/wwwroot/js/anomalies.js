// Transaction anomalies since the history began (GET /api/transactions/summary): superseded on their
// connector, running when their station rebooted, stops without a known start, repeated or from another
// station. One line under the running transactions; each kind is also a warning in the server's log.
import { fill, h } from './dom.js';
import { get } from './api.js';
import { report } from './status.js';

const KINDS = [
  ['superseded', 'superseded on their connector'],
  ['runningAtReboot', 'running at a reboot'],
  ['stoppedWithoutStart', 'stopped without a known start'],
  ['repeatedStops', 'repeated stops'],
  ['foreignStops', "stops of another station's transaction"],
];

/** Reads the summary and redraws the line. */
export async function loadAnomalies() {
  try {
    const summary = await get('/api/transactions/summary');
    report('anomalies', null);
    render(summary);
  } catch (e) {
    report('anomalies', e);
  }
}

function render(summary) {
  const line = document.getElementById('tx-anomalies');
  line.dataset.count = summary.anomalies;
  if (!summary.anomalies) {
    fill(line, 'Transaction anomalies: none.');
    return;
  }
  const parts = KINDS.filter(([key]) => summary[key] > 0).map(([key, label]) => h('span', { dataset: { kind: key } }, `${summary[key]} ${label}`));
  fill(line, h('strong', {}, `Transaction anomalies: ${summary.anomalies}`), ' — ',
    parts.flatMap((part, i) => (i === 0 ? [part] : [', ', part])),
    '. Details in the server log.');
}
