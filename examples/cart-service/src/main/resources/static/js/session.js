// What the page remembers across reloads, in localStorage: the guest cart (its id and token) and
// the signed-in customer (id and bearer token until it expires). A customer's cart is not stored:
// the service finds it by the customer.

const GUEST_CART = 'cartflow.guestCart';
const CUSTOMER = 'cartflow.customer';

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch (broken) {
    localStorage.removeItem(key);
    return null;
  }
}

/** The guest cart, {id, token}, or null. */
export function guestCart() {
  const cart = read(GUEST_CART);
  return cart && cart.id && cart.token ? cart : null;
}

export function rememberGuestCart(id, token) {
  localStorage.setItem(GUEST_CART, JSON.stringify({ id, token }));
}

export function forgetGuestCart() {
  localStorage.removeItem(GUEST_CART);
}

/** The signed-in customer, {customerId, token, expiresAt}, or null once the token expired. */
export function customer() {
  const signedIn = read(CUSTOMER);
  if (!signedIn || !signedIn.token) return null;
  if (signedIn.expiresAt && Date.parse(signedIn.expiresAt) <= Date.now()) {
    localStorage.removeItem(CUSTOMER);
    return null;
  }
  return signedIn;
}

export function rememberCustomer(signedIn) {
  localStorage.setItem(CUSTOMER, JSON.stringify(signedIn));
}

export function forgetCustomer() {
  localStorage.removeItem(CUSTOMER);
}
