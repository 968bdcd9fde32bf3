// Rendering: the catalog, the cart, its totals, promotions, hints and notices. Everything the
// service sends is put in as text (never as HTML). Money is shown as the service's decimal string
// beside its currency, so the page never rounds.

const $ = id => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  children.forEach(child => child && node.append(child));
  return node;
}

/** "12.50 EUR" from {amount, currency}. */
export function money(value) {
  return value ? `${value.amount} ${value.currency}` : '';
}

function isZero(value) {
  return !value || Number(value.amount) === 0;
}

export function options(select, values, selected, placeholder) {
  select.replaceChildren();
  if (placeholder) select.append(el('option', { value: '', text: placeholder }));
  values.forEach(({ value, label }) => select.append(el('option', { value, text: label, selected: value === selected })));
  if (selected !== undefined && selected !== null) select.value = selected;
}

/** The product list; onAdd(product) adds it. */
export function products(catalog, country, onAdd) {
  const list = $('products');
  list.replaceChildren();
  $('products-empty').hidden = catalog.products.length > 0;
  for (const product of catalog.products) {
    const restricted = product.countries && product.countries.length > 0 && !product.countries.includes(country);
    const why = !product.inStock ? 'Out of stock' : restricted ? `Not sold to ${country}` : null;
    const nameId = `product-${product.sku}`;
    list.append(el('li', { class: 'product', 'data-sku': product.sku, 'aria-labelledby': nameId },
      el('h3', { id: nameId, text: product.name }),
      el('p', { class: 'meta', text: `${product.brand || ''} · ${product.category || ''}` }),
      el('p', { class: 'price', 'data-price': product.price.amount, text: money(product.price) }),
      why ? el('p', { class: 'unavailable', text: why }) : null,
      el('button', {
        type: 'button', class: 'add', disabled: Boolean(why), 'aria-label': `Add ${product.name} to the cart`,
        text: 'Add to cart', onclick: () => onAdd(product),
      })));
  }
}

/** The cart: lines, codes, totals, promotions, hints and price changes; handlers change it. */
export function cart(state, names, handlers) {
  const current = state.cart;
  const section = $('cart');
  section.dataset.cartId = current ? current.id : '';
  section.dataset.version = current ? String(current.version) : '';
  const lines = current ? current.lines : [];
  $('cart-empty').hidden = lines.length > 0;
  $('checkout').disabled = lines.length === 0;
  $('lines').replaceChildren(...lines.map(line => lineItem(line, names, handlers)));
  const more = current ? current.linesPage.total - lines.length : 0;
  $('more-lines').hidden = more <= 0;
  $('more-lines').textContent = more > 0 ? `and ${more} more lines` : '';
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  $('cart-summary').textContent = units === 0 ? 'Cart: empty'
    : `Cart: ${units === 1 ? '1 item' : `${units} items`}, ${money(current.totals.total)}`;
  codes(current, handlers);
  figures(current);
  promotions(current);
  hints(current);
  priceChanges(current, names);
}

function lineItem(line, names, handlers) {
  const product = names(line.sku);
  const name = product ? product.name : line.sku;
  const inputId = `quantity-${line.lineId}`;
  const quantity = el('input', {
    id: inputId, type: 'number', inputmode: 'numeric', min: '0', step: product ? product.quantityStep : 1,
    max: product ? product.maxQuantity : undefined, value: line.quantity, class: 'quantity',
  });
  quantity.addEventListener('change', () => {
    const wanted = Number(quantity.value);
    if (Number.isInteger(wanted) && wanted !== line.quantity) handlers.setQuantity(line, wanted);
  });
  return el('li', { class: 'line', 'data-sku': line.sku, 'data-line-id': line.lineId },
    el('span', { class: 'name', text: name }),
    el('span', { class: 'unit', text: `${money(line.unitPrice)} each` }),
    el('span', { class: 'qty' }, el('label', { for: inputId, class: 'visually-hidden', text: `Quantity of ${name}` }),
      quantity),
    el('span', { class: 'line-total', 'data-total': line.total.amount, text: money(line.total) }),
    el('button', {
      type: 'button', class: 'remove', 'aria-label': `Remove ${name}`, text: 'Remove',
      onclick: () => handlers.remove(line),
    }));
}

function codes(current, handlers) {
  const list = $('codes');
  list.replaceChildren();
  if (!current) return;
  for (const code of current.codes) {
    const promotion = current.promotions.find(p => p.code === code.code);
    const applies = code.state === 'APPLIED';
    const text = applies ? `${code.code} applied` : `${code.code}: ${promotion && promotion.reason ? promotion.reason : 'not applicable to this cart yet'}`;
    list.append(el('li', { 'data-code': code.code, 'data-state': code.state },
      el('span', { text }),
      el('button', {
        type: 'button', class: 'link', 'aria-label': `Remove code ${code.code}`, text: 'Remove',
        onclick: () => handlers.removeCode(code.code),
      })));
  }
}

function figures(current) {
  const list = $('figures');
  list.replaceChildren();
  if (!current) return;
  const t = current.totals;
  const rows = [
    ['subtotal', 'Subtotal', t.subtotal, true],
    ['discount', 'Discounts', t.discount, !isZero(t.discount), true],
    ['shipping', 'Shipping', t.shipping, current.shippingMethod !== undefined && current.shippingMethod !== null],
    ['shippingDiscount', 'Shipping discount', t.shippingDiscount, !isZero(t.shippingDiscount), true],
    ['tax', taxAdded(t) ? 'Tax' : 'Tax included', t.tax, true],
    ['total', 'Total', t.total, true],
  ];
  for (const [key, label, value, shown, negative] of rows) {
    if (!shown) continue;
    list.append(el('div', { class: `figure figure-${key}`, 'data-figure': key, 'data-amount': value.amount },
      el('dt', { text: label }), el('dd', { text: `${negative ? '-' : ''}${money(value)}` })));
  }
}

/** Minor units of a decimal string, exactly (amounts of one currency share their fraction digits). */
function minor(value) {
  return BigInt(value.amount.replace('.', ''));
}

/** Whether the total adds the tax (net prices) rather than including it (gross prices). */
function taxAdded(t) {
  const beforeTax = minor(t.subtotal) - minor(t.discount) + minor(t.shipping) - minor(t.shippingDiscount);
  return beforeTax + minor(t.tax) === minor(t.total);
}

function promotions(current) {
  const list = $('promotions');
  list.replaceChildren();
  if (!current) return;
  for (const promotion of current.promotions) {
    if (promotion.result !== 'APPLIED' && promotion.result !== 'CAPPED') continue;
    const label = promotion.description || promotion.code || promotion.promotionId;
    const capped = promotion.result === 'CAPPED' ? ' (at its limit)' : '';
    list.append(el('li', {
      'data-promotion': promotion.promotionId, 'data-amount': promotion.amount.amount,
      text: `${label}${capped}: -${money(promotion.amount)}`,
    }));
  }
}

function hints(current) {
  const list = $('hints');
  list.replaceChildren();
  if (!current) return;
  for (const hint of current.hints) {
    let text;
    if (hint.subject === 'SHIPPING') {
      text = `Spend ${money(hint.missingAmount)} more for free shipping`;
    } else if (hint.kind === 'UNITS') {
      const units = hint.missingUnits === 1 ? '1 more item' : `${hint.missingUnits} more items`;
      text = `Add ${units} for ${hint.description || 'a discount'}`;
    } else {
      text = `Spend ${money(hint.missingAmount)} more for ${hint.description || 'a discount'}`;
    }
    list.append(el('li', { 'data-hint': hint.subject === 'SHIPPING' ? 'shipping' : hint.id, text }));
  }
}

function priceChanges(current, names) {
  const box = $('price-changes');
  const changes = current ? current.priceChanges : [];
  box.hidden = changes.length === 0;
  box.replaceChildren(...changes.map(change => {
    const product = names(change.sku);
    return el('p', {
      'data-sku': change.sku,
      text: `Price changed: ${product ? product.name : change.sku} was ${money(change.previous)}, now ${money(change.current)}.`,
    });
  }));
}

/** The merge dialog's table from a merge preview. */
export function mergePreview(preview, names) {
  const body = $('merge-preview').tBodies[0];
  body.replaceChildren(...preview.merge.lines.map(line => {
    const product = names(line.sku);
    return el('tr', { 'data-sku': line.sku },
      el('th', { scope: 'row', text: product ? product.name : line.sku }),
      el('td', { text: String(line.guestQuantity) }),
      el('td', { text: String(line.customerQuantity) }),
      el('td', { 'data-result': String(line.resultQuantity), text: line.reason ? `${line.resultQuantity} (${line.reason})` : String(line.resultQuantity) }));
  }));
}

/** The checkout confirmation. */
export function confirmation(checkedOut) {
  const box = $('confirmation');
  box.hidden = false;
  box.dataset.cartId = checkedOut.id;
  box.replaceChildren(
    el('h3', { text: 'Thank you for your order' }),
    el('p', { 'data-amount': checkedOut.totals.total.amount, text: `Total: ${money(checkedOut.totals.total)}` }),
    el('p', { text: `Reservation ${checkedOut.checkout.reservationId}. The order system takes it from here.` }));
}

export function hideConfirmation() {
  $('confirmation').hidden = true;
}
