// The operator API over fetch. A failure becomes an ApiError carrying the problem document
// (RFC 9457) the server sent: for a CALLERROR it has errorCode and errorDescription.

const KEY_STORAGE = 'ocpplab.apiKey';

export class ApiError extends Error {
  constructor(status, problem, url) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.url = url;
  }

  /** A short line for the user: the CALLERROR code and description when there is one. */
  get summary() {
    const p = this.problem;
    if (p.errorCode) return `CALLERROR ${p.errorCode}${p.errorDescription ? `: ${p.errorDescription}` : ''}`;
    return `${this.status} ${p.title ?? 'Error'}${p.detail ? ` — ${p.detail}` : ''}`;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

export function headers(extra = {}) {
  const key = apiKey();
  return key ? { ...extra, 'X-Api-Key': key } : extra;
}

async function request(method, path, body, signal) {
  const init = { method, headers: headers({ Accept: 'application/json' }), signal };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Central System unreachable', detail: e.message }, path);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) throw new ApiError(response.status, data, path);
  return { data, roundTripMs: Number(response.headers.get('X-Ocpp-Round-Trip-Ms')) || null };
}

export const get = async (path, signal) => (await request('GET', path, undefined, signal)).data;
export const post = (path, body) => request('POST', path, body);
export const del = path => request('DELETE', path);

export const query = params => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const station = id => `/api/charge-points/${encodeURIComponent(id)}`;
