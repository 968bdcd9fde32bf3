// Live updates of one cart: the server-sent event stream, with the credential as a query
// parameter (EventSource sends no headers). Where the stream is not available (the connection is
// closed for good), the page polls the events resource instead.

const EVENT_TYPES = ['CREATED', 'LINE_ADDED', 'QUANTITY_CHANGED', 'LINE_REMOVED', 'CLEARED', 'CODE_APPLIED',
  'CODE_REMOVED', 'SHIPPING_SELECTED', 'COUNTRY_CHANGED', 'METADATA_CHANGED', 'MERGED', 'CHECKED_OUT', 'EXPIRED',
  'ABANDONED', 'ADDRESS_CHANGED', 'LINE_MOVED_OUT', 'LINE_MOVED_IN', 'PARTICIPANT_INVITED', 'PARTICIPANT_REMOVED',
  'RECOVERY_ISSUED', 'RECOVERED', 'FROZEN', 'UNFROZEN'];
const POLL_MILLIS = 1500;

function queryCredential(credentials) {
  if (credentials.bearer) return `access_token=${encodeURIComponent(credentials.bearer)}`;
  return `token=${encodeURIComponent(credentials.cartToken || '')}`;
}

/**
 * Follows a cart's changes.
 *
 * @param {string} cartId the cart
 * @param {{cartToken?: string, bearer?: string}} credentials whose cart it is
 * @param {() => number} knownVersion the version the page shows
 * @param {(version: number) => void} changed called when a newer version exists
 * @param {(mode: string) => void} [how] told 'stream' once the stream is open, 'polling' when polling
 * @returns {() => void} stops following
 */
export function follow(cartId, credentials, knownVersion, changed, how = () => {}) {
  let stopped = false;
  let timer = null;
  const base = `/carts/${encodeURIComponent(cartId)}/events`;
  const headers = credentials.bearer ? { Authorization: `Bearer ${credentials.bearer}` }
    : { 'Cart-Token': credentials.cartToken || '' };

  const seen = message => {
    let version = Number(message.lastEventId);
    try {
      const data = JSON.parse(message.data);
      if (Number.isFinite(data.version)) version = data.version;
    } catch (notJson) {
      // the id alone says which version the change made
    }
    if (!Number.isFinite(version) || version > knownVersion()) changed(version);
  };

  const poll = async () => {
    if (stopped) return;
    how('polling');
    try {
      const response = await fetch(`${base}?after=${knownVersion()}`, { headers });
      if (response.status === 401 || response.status === 403) {
        // not (or no longer) this shopper's cart: the page follows another one or none
        stopped = true;
        return;
      }
      if (response.ok) {
        const body = await response.json();
        const events = body.events || [];
        if (events.length > 0) changed(events[events.length - 1].version);
      }
    } catch (offline) {
      // try again at the next tick
    }
    if (!stopped) timer = setTimeout(poll, POLL_MILLIS);
  };

  let source = null;
  if (typeof EventSource === 'function') {
    source = new EventSource(`${base}/stream?${queryCredential(credentials)}`);
    source.addEventListener('open', () => how('stream'));
    source.addEventListener('message', seen);
    EVENT_TYPES.forEach(type => source.addEventListener(type, seen));
    // the service ends a stream with stream-end; only PROVIDER_UNAVAILABLE (an instance going away)
    // is worth the EventSource's own reconnection, anything else (access, a closed cart) is final
    source.addEventListener('stream-end', message => {
      let code = '';
      try {
        code = JSON.parse(message.data).code;
      } catch (notJson) {
        code = '';
      }
      if (code !== 'PROVIDER_UNAVAILABLE' && source) {
        source.close();
        source = null;
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED && !stopped) {
        source = null;
        poll();
      }
    });
  } else {
    poll();
  }

  return () => {
    stopped = true;
    if (source) source.close();
    if (timer) clearTimeout(timer);
  };
}
