// Wires the page together: the station list, the selected station (#/cp/{id} in the address),
// running transactions and their anomalies, the frame log and the traffic chart, all fed by one batched event stream.
import { StationList, loadTotals } from './stations.js';
import { StationDetail } from './detail.js';
import { RunningTransactions } from './transactions.js';
import { loadAnomalies } from './anomalies.js';
import { FrameLog } from './frame-log.js';
import { TrafficChart } from './traffic-chart.js';
import { startEventStream } from './events.js';

const select = id => { location.hash = id ? `#/cp/${encodeURIComponent(id)}` : ''; };
const selected = () => {
  const match = /^#\/cp\/(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
};

const stations = new StationList(select);
const detail = new StationDetail();
const running = new RunningTransactions(select);
const log = new FrameLog();
const chart = new TrafficChart();

function route() {
  const id = selected();
  stations.select(id);
  detail.show(id);
}

window.addEventListener('hashchange', route);
route();
stations.load();
running.load();
loadTotals();
setInterval(loadTotals, 5000);
loadAnomalies();
setInterval(loadAnomalies, 5000);
log.redraw();

let totalsDue = false;
startEventStream(batch => {
  const touched = new Set(batch.map(f => f.chargePointId));
  stations.touched(touched);
  detail.touched(touched);
  running.frames(batch);
  log.add(batch);
  chart.add(batch);
  if (!totalsDue && batch.some(f => f.action === 'BootNotification' || f.action === 'StartTransaction' || f.action === 'StopTransaction')) {
    totalsDue = true;
    setTimeout(() => { totalsDue = false; loadTotals(); loadAnomalies(); }, 1000);
  }
});
