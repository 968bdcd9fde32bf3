// The shopper's words for the service's stable error codes; the problem's detail is added where
// the code alone does not say enough.

const BY_CODE = {
  PROMOTION_NOT_FOUND: subject => `The code "${subject}" does not exist.`,
  PROMOTION_EXHAUSTED: subject => `The code "${subject}" has been used up.`,
  OUT_OF_STOCK: () => 'Not enough of this product is in stock.',
  QUANTITY_LIMIT: () => 'That quantity is more than one order may hold.',
  INVALID_QUANTITY: () => 'That quantity is not possible for this product.',
  COUNTRY_RESTRICTED: () => 'This product cannot be shipped to the chosen country.',
  SHIPPING_NOT_AVAILABLE: () => 'This shipping method is not available for this cart.',
  CART_LIMIT: () => 'The cart is full.',
  CART_NOT_ACTIVE: () => 'This cart is closed (checked out or merged). Reload the page to start a new one.',
  VERSION_CONFLICT: () => 'The cart changed elsewhere at the same time. Please try again.',
  RATE_LIMITED: () => 'Too many changes at once. Please wait a moment.',
  PROVIDER_UNAVAILABLE: () => 'Part of the shop is not answering right now. Please try again shortly.',
  ACCESS_DENIED: () => 'This cart is no longer available to you.',
  UNAUTHENTICATED: () => 'Please sign in again.',
  NETWORK: () => 'The shop cannot be reached. Check your connection and try again.',
};

/**
 * A message for a failed call.
 *
 * @param {import('./api.js').ApiError} error the problem
 * @param {string} [subject] what the shopper entered (a code), where the message names it
 */
export function describe(error, subject = '') {
  const known = BY_CODE[error.code];
  const text = known ? known(subject) : (error.detail || 'Something went wrong. Please try again.');
  return error.detail && known && error.status === 400 ? `${text} ${error.detail}` : text;
}
