// The live event stream (/api/events, Server-Sent Events of type 'frame'). Read with fetch rather
// than EventSource so that the operator API key header can be sent. Frames are handed to the page in
// batches, at most every 250 ms, so a busy fleet costs one redraw per batch, not one per frame.
import { headers } from './api.js';
import { streamState } from './status.js';

const BATCH_MS = 250;

export function startEventStream(onBatch) {
  let pending = [];
  let firstConnection = true;

  setInterval(() => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    onBatch(batch);
  }, BATCH_MS);

  async function connect() {
    const url = firstConnection ? '/api/events?recent=true' : '/api/events';
    // The server sends the stream's headers with its first frame: a request still open after a
    // moment has been accepted, and a quiet Central System simply has nothing to say yet.
    const quiet = setTimeout(() => streamState('open', 'open, no frame yet'), 1500);
    try {
      const response = await fetch(url, { headers: headers({ Accept: 'text/event-stream' }) });
      clearTimeout(quiet);
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      firstConnection = false;
      streamState('live', 'live');
      await read(response.body, frame => pending.push(frame));
      streamState('down', 'closed by the server, reconnecting');
    } catch (e) {
      clearTimeout(quiet);
      streamState('down', `unavailable (${e.message}), retrying`);
    }
    setTimeout(connect, 2000);
  }

  connect();
}

async function read(body, onFrame) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const message = parse(block);
      if (message && message.event === 'frame') {
        try { onFrame(JSON.parse(message.data)); } catch { /* a frame that is not JSON is skipped */ }
      }
    }
  }
}

function parse(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, data: data.join('\n') } : null;
}
