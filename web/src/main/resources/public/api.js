/*
 * Every request to the map server goes through here (the contract is docs/api.md): JSON in and
 * out, the session's CSRF token on every write, the number of requests in flight on <body
 * data-busy>, and errors turned into plain sentences. A 401 emits 'session-ended' and a stale
 * CSRF token 'session-stale'; session.js answers both.
 */
import { sentence } from './format.js';
import { emit, who } from './state.js';

/** An API answer that was not 2xx: the message is a sentence for people, status and data are the server's. */
class ApiError extends Error {
  constructor(message, status, data) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

/** A URL with every ${value} URL-encoded: path`/api/plans/${id}/areas/${area}`. */
export function path(strings, ...values) {
  return strings.reduce((s, part, i) => s + encodeURIComponent(values[i - 1]) + part);
}

let csrfToken = null;
/** The session's CSRF token (null when nobody is signed in), sent on every write. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

let inflight = 0;
function busy(delta) {
  inflight += delta;
  document.body.dataset.busy = String(inflight);
}

/**
 * Sends a request; options: method, body (sent as JSON), raw (answer as text), quiet (a 401 does
 * not end the session), signingIn (a 401 means a wrong password). Errors say what to do: 401 asks
 * to sign in, 403 says the role does not allow it, 409 says someone changed it meanwhile, 429 says
 * how long to wait.
 */
export async function api(url, options) {
  const opts = options || {};
  const init = { method: opts.method || 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (opts.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  if (init.method !== 'GET' && csrfToken) init.headers['X-CSRF-Token'] = csrfToken;
  busy(1);
  try {
    let res;
    try {
      res = await fetch(url, init);
    } catch (e) {
      throw new ApiError('The map server cannot be reached. Check that it is still running, then try again.', 0, null);
    }
    const text = await res.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = opts.raw ? text : { error: text.slice(0, 300) }; }
    }
    if (!res.ok) throw new ApiError(errorMessage(res, data, opts), res.status, data);
    return opts.raw ? text : data;
  } finally {
    busy(-1);
  }
}

/** A GET whose answer is text (CSV). */
export const apiText = (url) => api(url, { raw: true });

function errorMessage(res, data, opts) {
  const said = (data && (data.error || data.reason || data.message)) || '';
  let msg = said ? sentence(said) : 'The server answered ' + res.status + '.';
  if (res.status === 401 && !opts.signingIn) {
    msg = 'You need to sign in for this' + (who.signedIn ? ': your session has ended.' : '.');
    if (!opts.quiet) emit('session-ended');
  } else if (res.status === 403) {
    if (/csrf/i.test(said)) {
      msg = 'Your session changed (perhaps you signed in or out in another tab). The page is up to date now: try again.';
      emit('session-stale');
    } else if (!/^Your role/.test(msg)) {
      msg = 'Not allowed: ' + msg;
    }
  } else if (res.status === 409 && data && data.revision !== undefined && !/in the meantime/.test(msg)) {
    msg = msg + ' Someone changed it a moment ago: the page now shows the latest state; try again.';
  } else if (res.status === 429) {
    const wait = Number(res.headers.get('Retry-After'));
    msg = msg + (wait > 0 ? ' (Wait ' + wait + (wait === 1 ? ' second' : ' seconds') + '.)' : '');
  }
  return msg;
}
