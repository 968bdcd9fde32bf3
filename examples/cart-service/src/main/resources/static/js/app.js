// The storefront page: wires the catalog, the cart and the account to the service's API.
import { ApiError, call } from './api.js';
import { follow } from './live.js';
import { describe } from './messages.js';
import * as session from './session.js';
import * as view from './view.js';

const $ = id => document.getElementById(id);
const state = { catalog: null, cart: null, country: null, currency: null, stopLive: null, followed: null };
const byProduct = new Map();
let queue = Promise.resolve();

/** The credentials of the cart the page shows: the customer's bearer, else the guest token. */
function credentials() {
  const signedIn = session.customer();
  if (signedIn) return { bearer: signedIn.token };
  const guest = session.guestCart();
  return guest ? { cartToken: guest.token } : {};
}

function say(text) {
  $('status').textContent = text;
}

function fail(error, subject) {
  if (!(error instanceof ApiError)) throw error;
  $('error').dataset.code = error.code;
  $('error').textContent = describe(error, subject);
}

function clearError() {
  $('error').textContent = '';
  delete $('error').dataset.code;
  $('coupon-error').textContent = '';
  delete $('coupon-error').dataset.code;
}

/** Runs changes one after another, so answers arrive in the order the shopper made them. */
function serially(change) {
  queue = queue.then(change, change);
  return queue;
}

function show(cart) {
  if (cart && state.cart && cart.id === state.cart.id && cart.version < state.cart.version) return;
  state.cart = cart;
  if (cart) {
    state.country = cart.country;
    $('country').value = cart.country;
  }
  deliveryChoices();
  view.cart(state, sku => byProduct.get(sku), handlers);
  live();
}

/** Follows the cart shown, again whenever the cart or the credentials change (a merge keeps the id). */
function live() {
  const followed = state.cart ? `${state.cart.id} ${JSON.stringify(credentials())}` : null;
  if (followed === state.followed) return;
  state.followed = followed;
  if (state.stopLive) state.stopLive();
  state.stopLive = null;
  if (!state.cart) return;
  const id = state.cart.id;
  state.stopLive = follow(id, credentials(), () => (state.cart ? state.cart.version : 0), () => refresh(id),
    mode => { $('cart').dataset.live = mode; });
}

async function refresh(id) {
  try {
    const cart = await call('GET', `/carts/${id}`, { credentials: credentials() });
    if (state.cart && state.cart.id === id && cart.version > state.cart.version) {
      show(cart);
      say('Your cart was updated on another device.');
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

/** The cart to change, created on the first change. */
async function ensureCart() {
  if (state.cart && state.cart.state === 'ACTIVE') return state.cart;
  const created = await call('POST', '/carts', {
    body: { currency: state.currency, country: state.country }, credentials: credentials(),
  });
  if (created.token) session.rememberGuestCart(created.id, created.token);
  view.hideConfirmation();
  show(created);
  return created;
}

async function change(method, suffix, body, subject, errorBox = 'error') {
  return serially(async () => {
    clearError();
    try {
      const cart = await ensureCart();
      show(await call(method, `/carts/${cart.id}${suffix}`, { body, credentials: credentials() }));
      return true;
    } catch (error) {
      if (errorBox === 'error') fail(error, subject);
      else {
        if (!(error instanceof ApiError)) throw error;
        $(errorBox).dataset.code = error.code;
        $(errorBox).textContent = describe(error, subject);
      }
      return false;
    }
  });
}

const handlers = {
  add: product => change('POST', '/lines', { sku: product.sku, quantity: product.minQuantity || 1 }),
  setQuantity: (line, quantity) => change('PATCH', `/lines/${line.lineId}`, { quantity }),
  remove: line => change('DELETE', `/lines/${line.lineId}`),
  removeCode: code => change('DELETE', `/codes/${encodeURIComponent(code)}`),
};

async function loadProducts() {
  const form = new FormData($('filters'));
  const query = new URLSearchParams({ currency: state.currency || '' });
  for (const name of ['category', 'brand', 'q']) {
    if (form.get(name)) query.set(name, form.get(name));
  }
  try {
    const catalog = await call('GET', `/products?${query}`);
    if (!state.catalog) firstCatalog(catalog);
    state.catalog = catalog;
    catalog.products.forEach(p => byProduct.set(p.sku, p));
    view.products(catalog, state.country, handlers.add);
  } catch (error) {
    fail(error);
  }
}

function firstCatalog(catalog) {
  state.currency = state.currency || catalog.currency;
  const countries = catalog.countries.filter(c => c.currency === state.currency);
  state.country = state.country || (countries[0] ? countries[0].code : null);
  state.countries = countries;
  state.shippingMethods = catalog.shippingMethods;
  view.options($('filter-category'), catalog.categories.map(c => ({ value: c, label: c })), '', 'All categories');
  view.options($('filter-brand'), catalog.brands.map(b => ({ value: b, label: b })), '', 'All brands');
  deliveryChoices();
}

function deliveryChoices() {
  if (!state.countries) return;
  view.options($('country'), state.countries.map(c => ({ value: c.code, label: c.name })), state.country);
  const methods = state.shippingMethods.filter(m => !m.countries || m.countries.length === 0
    || m.countries.includes(state.country));
  const label = m => (m.freeAbove ? `${m.name}: ${view.money(m.price)}, free above ${view.money(m.freeAbove)}`
    : `${m.name}: ${view.money(m.price)}`);
  view.options($('shipping-method'), methods.map(m => ({ value: m.id, label: label(m) })),
    state.cart && state.cart.shippingMethod ? state.cart.shippingMethod : '', 'Choose a shipping method');
  $('shipping-method').disabled = !state.cart || state.cart.lines.length === 0;
}

async function loadCart() {
  const signedIn = session.customer();
  try {
    if (signedIn) {
      show(await call('GET', `/customers/${encodeURIComponent(signedIn.customerId)}/cart`,
        { credentials: { bearer: signedIn.token } }));
      return;
    }
    const guest = session.guestCart();
    if (guest) show(await call('GET', `/carts/${guest.id}`, { credentials: { cartToken: guest.token } }));
    else show(null);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') session.forgetCustomer();
    // a cart the service no longer has (expired, restarted, another customer's) is simply gone
    else if (!signedIn) session.forgetGuestCart();
    show(null);
  }
}

function account() {
  const signedIn = session.customer();
  $('sign-in').hidden = Boolean(signedIn);
  $('signed-in').hidden = !signedIn;
  $('customer-name').textContent = signedIn ? signedIn.customerId : '';
}

/** Asks whether to merge; resolves true for merge, false for keeping only the saved cart. */
function askMerge(preview) {
  view.mergePreview(preview, sku => byProduct.get(sku));
  const dialog = $('merge-dialog');
  return new Promise(resolve => {
    const done = answer => {
      dialog.close();
      resolve(answer);
    };
    $('merge-accept').onclick = () => done(true);
    $('merge-decline').onclick = () => done(false);
    dialog.oncancel = event => {
      event.preventDefault();
      done(false);
    };
    dialog.showModal();
    $('merge-accept').focus();
  });
}

async function signIn(customerId) {
  clearError();
  const signedIn = await call('POST', '/demo/sign-in', { body: { customerId } });
  const guest = session.guestCart();
  const both = { cartToken: guest ? guest.token : undefined, bearer: signedIn.token };
  if (guest && state.cart && state.cart.id === guest.id && state.cart.lines.length > 0) {
    const preview = await call('POST', `/carts/${guest.id}/merge-preview`, { body: {}, credentials: both });
    if (await askMerge(preview)) {
      const merged = await call('POST', `/carts/${guest.id}/merge`, { body: {}, credentials: both });
      session.rememberCustomer(signedIn);
      session.forgetGuestCart();
      account();
      show(merged);
      say('Your carts were merged.');
      return;
    }
  }
  session.rememberCustomer(signedIn);
  session.forgetGuestCart();
  account();
  await loadCart();
  say(`Signed in as ${signedIn.customerId}.`);
}

async function checkout() {
  await serially(async () => {
    clearError();
    if (!state.cart) return;
    try {
      const done = await call('POST', `/carts/${state.cart.id}/checkout`, { credentials: credentials() });
      if (!session.customer()) session.forgetGuestCart();
      view.confirmation(done);
      show(null);
      $('confirmation').focus();
    } catch (error) {
      fail(error);
    }
  });
}

function wire() {
  let typing = null;
  $('filters').addEventListener('submit', event => {
    event.preventDefault();
    loadProducts();
  });
  $('filter-category').addEventListener('change', loadProducts);
  $('filter-brand').addEventListener('change', loadProducts);
  // search as the shopper types (debounced), and at once on Enter or the clear button
  $('filter-q').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(loadProducts, 250);
  });
  $('filter-q').addEventListener('search', () => {
    clearTimeout(typing);
    loadProducts();
  });
  $('coupon').addEventListener('submit', async event => {
    event.preventDefault();
    const code = $('coupon-code').value.trim();
    if (!code) {
      $('coupon-error').textContent = 'Enter a code first.';
      return;
    }
    if (await change('POST', '/codes', { code }, code, 'coupon-error')) $('coupon-code').value = '';
  });
  $('country').addEventListener('change', async () => {
    state.country = $('country').value;
    if (state.cart) await change('PUT', '/country', { country: state.country });
    else deliveryChoices();
    if (state.catalog) view.products(state.catalog, state.country, handlers.add);
  });
  $('shipping-method').addEventListener('change', () => {
    if ($('shipping-method').value) change('PUT', '/shipping-method', { methodId: $('shipping-method').value });
  });
  $('checkout').addEventListener('click', checkout);
  $('sign-in').addEventListener('submit', event => {
    event.preventDefault();
    const customerId = $('customer-id').value.trim();
    if (customerId) signIn(customerId).catch(fail);
  });
  $('sign-out').addEventListener('click', () => {
    session.forgetCustomer();
    account();
    show(null);
    say('Signed out.');
  });
}

async function start() {
  wire();
  account();
  await loadProducts();
  await loadCart();
  document.body.dataset.ready = 'true';
}

start();
