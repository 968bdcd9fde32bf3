// The service's HTTP API as the page uses it: JSON in and out, the caller's credentials on every
// call, an Idempotency-Key on every change (so a retried click never applies twice) and problem
// answers turned into ApiError with the stable code.

/** A problem answer (application/problem+json) from the service. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || 'UNKNOWN';
    this.detail = problem.detail || '';
    this.currentVersion = problem.currentVersion;
  }
}

/** A key per change; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls the service.
 *
 * @param {string} method HTTP method
 * @param {string} path the path, with its query
 * @param {{body?: object, credentials?: {cartToken?: string, bearer?: string}}} options
 * @returns {Promise<any>} the JSON answer, or null for one without a body
 */
export async function call(method, path, { body, credentials = {} } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (credentials.cartToken) headers['Cart-Token'] = credentials.cartToken;
  if (credentials.bearer) headers.Authorization = `Bearer ${credentials.bearer}`;
  if (method !== 'GET') headers['Idempotency-Key'] = newKey();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (offline) {
    throw new ApiError(0, { code: 'NETWORK', detail: 'The shop cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (notJson) {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json || {});
  }
  return json;
}
