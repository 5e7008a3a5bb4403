// The page's own health: the API error banner (with an API key prompt when the server asks for one)
// and the live stream pill.
import { byId, fill, h } from './dom.js';
import { apiKey, setApiKey } from './api.js';

const failing = new Map();

/** Records that `source` failed (an ApiError) or recovered (null), and redraws the banner. */
export function report(source, error) {
  if (error) failing.set(source, error);
  else failing.delete(source);
  draw();
}

function draw() {
  const banner = byId('api-error');
  if (failing.size === 0) {
    banner.hidden = true;
    return;
  }
  const errors = [...failing.values()];
  const needsKey = errors.some(e => e.status === 401 || e.status === 403);
  const first = errors[0];
  fill(banner,
    h('strong', {}, 'The operator API is not answering as expected. '),
    h('span', {}, `${first.summary} (${first.url ?? ''}). Data shown may be stale.`),
    needsKey ? keyForm() : null);
  banner.hidden = false;
}

function keyForm() {
  const input = h('input', { type: 'password', id: 'api-key', autocomplete: 'off', value: apiKey() });
  return h('form', {
    class: 'inline', onsubmit: e => { e.preventDefault(); setApiKey(input.value.trim()); location.reload(); },
  }, h('label', { for: 'api-key' }, 'Operator API key '), input, h('button', { type: 'submit' }, 'Use key'));
}

/** Shows the live stream's state: connecting, live, reconnecting. */
export function streamState(state, text) {
  const pill = byId('stream-state');
  pill.dataset.state = state;
  pill.textContent = `Live stream: ${text}`;
}
