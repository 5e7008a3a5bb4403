// Builds one operator action form from a declaration and shows what came back: the station's
// answer, or the problem (for a CALLERROR its errorCode and description).
import { h, fill } from './dom.js';
import { ApiError } from './api.js';
import { json, ms } from './format.js';

/**
 * action: { id, title, fields: [{ name, label, type, options, value, required, placeholder, hint, min }],
 *           send(values) -> Promise<{ data, roundTripMs }>, show?(data) -> Node }
 */
export function actionForm(action) {
  const output = h('output', { class: 'answer', 'aria-live': 'polite', for: action.fields.map(f => fieldId(action, f)).join(' ') || null });
  const button = h('button', { type: 'submit' }, action.button ?? 'Send');
  const form = h('form', { class: 'action', id: `form-${action.id}`, 'aria-label': action.title, novalidate: false },
    action.fields.map(f => field(action, f)),
    h('div', { class: 'submit' }, button),
    output);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    button.disabled = true;
    fill(output, h('span', { class: 'pending' }, 'Waiting for the station…'));
    output.className = 'answer pending';
    try {
      const { data, roundTripMs } = await action.send(values(action, form));
      output.className = 'answer ok';
      fill(output,
        h('p', { class: 'verdict' }, verdict(data), roundTripMs ? h('span', { class: 'rt' }, ` · ${ms(roundTripMs)} ms`) : null),
        action.show ? action.show(data) : null,
        h('details', {}, h('summary', {}, 'Answer'), h('pre', {}, json(data))));
    } catch (error) {
      output.className = 'answer error';
      fill(output, ...problem(error));
    } finally {
      button.disabled = false;
    }
  });

  return h('details', { class: 'action-group', dataset: { action: action.id } },
    h('summary', {}, action.title), form);
}

function verdict(data) {
  // The composite schedule endpoint wraps the station's answer beside the Central System's computation.
  const status = data?.status ?? data?.station?.status;
  if (status) {
    return h('span', {}, 'Station answered ', h('strong', { class: `status-${status}` }, status),
      data.transactionId !== undefined ? ` · transaction ${data.transactionId} on connector ${data.connectorId}` : '');
  }
  if (data && typeof data === 'object' && 'jobId' in data) return h('span', {}, `Accepted by the station: job ${data.jobId}`);
  return h('span', {}, 'Station answered');
}

function problem(error) {
  if (!(error instanceof ApiError)) return [h('p', { class: 'verdict' }, `Failed: ${error.message}`)];
  const p = error.problem;
  if (p.errorCode) {
    return [
      h('p', { class: 'verdict' }, 'CALLERROR ', h('strong', { class: 'error-code' }, p.errorCode)),
      p.errorDescription ? h('p', { class: 'error-description' }, p.errorDescription) : null,
      p.errorDetails && Object.keys(p.errorDetails).length ? h('pre', {}, json(p.errorDetails)) : null,
    ];
  }
  const kind = {
    400: 'Not sent: the request breaks a rule',
    404: 'Not connected',
    409: 'Not connected now',
    502: 'The station answered badly',
    503: 'The station disconnected',
    504: 'No answer in time',
  }[error.status] ?? `Error ${error.status}`;
  return [h('p', { class: 'verdict' }, h('strong', {}, kind), p.title ? ` — ${p.title}` : ''), p.detail ? h('p', { class: 'error-description' }, p.detail) : null];
}

const fieldId = (action, f) => `${action.id}-${f.name}`;

function field(action, f) {
  const id = fieldId(action, f);
  const common = { id, name: f.name, required: f.required, placeholder: f.placeholder, 'aria-describedby': f.hint ? `${id}-hint` : null };
  let control;
  if (f.type === 'select') {
    control = h('select', common, (f.options ?? []).map(o => h('option', { value: o, selected: o === f.value }, o === '' ? '(none)' : o)));
  } else if (f.type === 'textarea') {
    control = h('textarea', { ...common, rows: f.rows ?? 4 }, f.value ?? '');
  } else {
    control = h('input', { ...common, type: f.type ?? 'text', value: f.value, min: f.min, step: f.step });
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, f.label),
    control,
    f.hint ? h('small', { id: `${id}-hint` }, f.hint) : null);
}

function values(action, form) {
  const data = new FormData(form);
  const out = {};
  for (const f of action.fields) {
    const raw = String(data.get(f.name) ?? '').trim();
    out[f.name] = raw === '' ? undefined : f.type === 'number' ? Number(raw) : raw;
  }
  return out;
}
