package dev.cartflow.core.internal.rules;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.CartCommand.LineCommand;
import dev.cartflow.core.CartCommand.RemoveLines;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.StockKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies line commands to a cart and validates the result. Checks run in phases, each over every
 * changed line, in the order of error precedence, so that the reported code is the first that
 * applies whatever the order of the changes.
 */
public final class LineChanges {
    private final CartLimitRules limits;

    /** Line changes under these cart limits. */
    public LineChanges(CartLimits limits) {
        this.limits = new CartLimitRules(limits);
    }

    /**
     * The lines after a change and its events (none when nothing changed).
     *
     * @param lines  the resulting lines, in cart order
     * @param events the events
     */
    public record Result(List<LineItem> lines, List<PendingEvent> events) {
    }

    /** Checks every line of a cart against the current catalog, prices, stock and limits (at checkout). */
    public void revalidate(Cart cart, Snapshot snapshot) {
        Map<LineId, LineItem> lines = new LinkedHashMap<>();
        Map<LineId, Long> quantities = new LinkedHashMap<>();
        Map<LineId, Sku> touched = new LinkedHashMap<>();
        for (LineItem l : cart.lines()) {
            lines.put(l.id(), l);
            quantities.put(l.id(), (long) l.quantity());
            touched.put(l.id(), l.sku());
        }
        Cart empty = cart.toBuilder().lines(List.of()).shippingMethod(null).build();
        validate(empty, touched, Map.of(), quantities, lines, Map.of(), Map.of(), false, snapshot);
    }

    /**
     * Applies line commands in order and validates the result in precedence order.
     *
     * @param cart     the stored cart
     * @param commands the changes
     * @param snapshot provider answers of this attempt
     * @param now      when the lines are added
     * @return the lines and events
     */
    public Result apply(Cart cart, List<LineCommand> commands, Snapshot snapshot, Instant now) {
        Map<LineId, LineItem> lines = new LinkedHashMap<>();
        cart.lines().forEach(l -> lines.put(l.id(), l));
        Map<LineId, Long> quantities = new LinkedHashMap<>();
        cart.lines().forEach(l -> quantities.put(l.id(), (long) l.quantity()));
        Set<LineId> grown = new LinkedHashSet<>();
        Set<LineId> shrunk = new LinkedHashSet<>();
        Map<LineId, Sku> newLines = new LinkedHashMap<>();
        Map<LineId, String> newWarehouses = new LinkedHashMap<>();
        boolean badQuantity = false;
        List<PendingEvent> events = new ArrayList<>();

        for (LineCommand command : commands) {
            if (command instanceof AddItem add) {
                LineId id = find(lines, quantities, newLines, newWarehouses, add.sku(), add.warehouse());
                badQuantity |= add.quantity() <= 0;
                if (id == null) {
                    id = new LineId(UUID.randomUUID().toString());
                    newLines.put(id, add.sku());
                    newWarehouses.put(id, add.warehouse());
                    quantities.put(id, (long) add.quantity());
                    events.add(PendingEvent.of(CartEvent.Type.LINE_ADDED, "lineId", id.value(), "sku",
                            add.sku().value(), "warehouse", add.warehouse(), "quantity", "" + add.quantity()));
                } else {
                    long before = quantities.get(id);
                    quantities.put(id, before + add.quantity());
                    events.add(PendingEvent.of(CartEvent.Type.QUANTITY_CHANGED, "lineId", id.value(), "sku",
                            skuOf(lines, newLines, id).value(), "from", "" + before, "to", "" + (before + add.quantity())));
                }
                grown.add(id);
            } else if (command instanceof SetQuantity set) {
                if (!quantities.containsKey(set.lineId())) {
                    throw CartException.invalidInput("no line " + set.lineId() + " on the cart");
                }
                long before = quantities.get(set.lineId());
                Sku sku = skuOf(lines, newLines, set.lineId());
                if (set.quantity() < 0) {
                    badQuantity = true;
                    grown.add(set.lineId());
                } else if (set.quantity() == 0) {
                    remove(set.lineId(), lines, quantities, newLines, newWarehouses, grown, events);
                } else if (set.quantity() != before) {
                    quantities.put(set.lineId(), (long) set.quantity());
                    if (set.quantity() > before || newLines.containsKey(set.lineId())) {
                        grown.add(set.lineId());
                    } else {
                        shrunk.add(set.lineId());
                    }
                    events.add(PendingEvent.of(CartEvent.Type.QUANTITY_CHANGED, "lineId", set.lineId().value(),
                            "sku", sku.value(), "from", "" + before, "to", "" + set.quantity()));
                }
            } else if (command instanceof RemoveLines remove) {
                for (LineId id : remove.lineIds()) {
                    if (quantities.containsKey(id)) {
                        remove(id, lines, quantities, newLines, newWarehouses, grown, events);
                    }
                }
            }
        }
        if (events.isEmpty() && !badQuantity) {
            return new Result(cart.lines(), List.of());
        }
        Map<LineId, Sku> touched = new LinkedHashMap<>();
        for (LineId id : grown) {
            if (quantities.containsKey(id)) {
                touched.put(id, skuOf(lines, newLines, id));
            }
        }
        Map<LineId, Sku> reduced = new LinkedHashMap<>();
        for (LineId id : shrunk) {
            if (quantities.containsKey(id) && !touched.containsKey(id)) {
                reduced.put(id, skuOf(lines, newLines, id));
            }
        }
        Map<Sku, PriceQuote> quotes = validate(cart, touched, reduced, quantities, lines, newLines, newWarehouses,
                badQuantity, snapshot);

        List<LineItem> result = new ArrayList<>();
        for (Map.Entry<LineId, Long> e : quantities.entrySet()) {
            LineId id = e.getKey();
            int quantity = (int) (long) e.getValue();
            LineItem existing = lines.get(id);
            if (existing != null) {
                result.add(existing.quantity() == quantity ? existing : existing.withQuantity(quantity));
            } else {
                Sku sku = newLines.get(id);
                PriceQuote quote = quotes.get(sku);
                result.add(new LineItem(id, sku, quantity, newWarehouses.get(id),
                        quote == null ? null : quote.unitPrice(), now));
            }
        }
        return new Result(result, events);
    }

    /**
     * Checks the lines that grew or are new ({@code touched}) against every rule, and the lines that
     * shrank ({@code reduced}) against the product's step and limits only, so that a shopper can
     * always lower a line when stock is short, but not to a quantity the product is not sold in.
     */
    private Map<Sku, PriceQuote> validate(Cart cart, Map<LineId, Sku> touched, Map<LineId, Sku> reduced,
                                          Map<LineId, Long> quantities, Map<LineId, LineItem> lines,
                                          Map<LineId, Sku> newLines, Map<LineId, String> newWarehouses,
                                          boolean badQuantity, Snapshot snapshot) {
        Set<Sku> touchedSkus = new LinkedHashSet<>(touched.values());
        Set<Sku> catalogSkus = new LinkedHashSet<>(touchedSkus);
        catalogSkus.addAll(reduced.values());
        boolean shipping = cart.shippingMethod() != null && !touched.isEmpty();
        if (shipping) {
            quantities.keySet().forEach(id -> catalogSkus.add(skuOf(lines, newLines, id)));
        }
        Map<Sku, Product> products = snapshot.products(catalogSkus);
        for (Sku sku : touchedSkus) {
            if (!products.containsKey(sku)) {
                throw new CartException(CartErrorCode.PRODUCT_NOT_FOUND, "unknown product " + sku);
            }
        }
        for (Sku sku : touchedSkus) {
            if (!products.get(sku).sellableIn(cart.country())) {
                throw new CartException(CartErrorCode.COUNTRY_RESTRICTED, sku + " is not sold in " + cart.country());
            }
        }
        // Growing lines are priced with every line of the result, so that an amount or a subtotal
        // that overflows is refused here, where it enters, rather than when the cart is priced.
        Set<Sku> quoted = new LinkedHashSet<>(touchedSkus);
        if (!touchedSkus.isEmpty()) {
            quantities.keySet().forEach(id -> quoted.add(skuOf(lines, newLines, id)));
        }
        // The snapshot converts quotes to the cart's currency or refuses them with CURRENCY_MISMATCH.
        Map<Sku, PriceQuote> quotes = snapshot.quotes(quoted).bySku();
        for (Sku sku : touchedSkus) {
            if (!quotes.containsKey(sku)) {
                throw new CartException(CartErrorCode.PRODUCT_NOT_FOUND, "no price for " + sku);
            }
        }
        Map<Sku, Long> resulting = resultingUnits(quantities, lines, newLines);
        CartLimitRules.Subtotal after = touchedSkus.isEmpty() ? CartLimitRules.Subtotal.ZERO
                : CartLimitRules.subtotal(resulting, quotes);
        limits.refuseOverflow(cart, after);
        if (badQuantity) {
            throw new CartException(CartErrorCode.INVALID_QUANTITY, "quantities must be positive integers");
        }
        Map<LineId, Sku> sized = new LinkedHashMap<>(touched);
        reduced.forEach((id, sku) -> {
            if (products.containsKey(sku)) {
                sized.put(id, sku);
            }
        });
        for (Map.Entry<LineId, Sku> e : sized.entrySet()) {
            long quantity = quantities.get(e.getKey());
            if (quantity % products.get(e.getValue()).quantityStep() != 0) {
                throw new CartException(CartErrorCode.INVALID_QUANTITY, e.getValue() + " is sold in steps of "
                        + products.get(e.getValue()).quantityStep());
            }
        }
        for (Map.Entry<LineId, Sku> e : sized.entrySet()) {
            long quantity = quantities.get(e.getKey());
            Product product = products.get(e.getValue());
            if (quantity < product.minQuantity() || quantity > product.maxQuantity()) {
                throw new CartException(CartErrorCode.QUANTITY_LIMIT, e.getValue() + " quantity must be between "
                        + product.minQuantity() + " and " + product.maxQuantity());
            }
        }
        Map<StockKey, Long> wanted = new LinkedHashMap<>();
        for (LineId id : touched.keySet()) {
            LineItem existing = lines.get(id);
            String warehouse = existing != null ? existing.warehouse() : newWarehouses.get(id);
            wanted.merge(new StockKey(touched.get(id), warehouse), quantities.get(id), Long::sum);
        }
        Map<StockKey, Long> available = snapshot.stock(wanted.keySet());
        for (Map.Entry<StockKey, Long> e : wanted.entrySet()) {
            Long units = available.get(e.getKey());
            if (units != null && units < e.getValue()) {
                throw new CartException(CartErrorCode.OUT_OF_STOCK, "only " + units + " of " + e.getKey().sku()
                        + " in " + e.getKey().warehouse());
            }
        }
        limits.check(cart, quantities.size(), total(quantities), after, quotes);
        if (shipping) {
            ShippingRule.requireWeightAllowed(cart, resulting, products, snapshot);
        }
        return quotes;
    }

    private static long total(Map<LineId, Long> quantities) {
        long total = 0;
        for (long q : quantities.values()) {
            total += q;
        }
        return total;
    }

    private static Map<Sku, Long> resultingUnits(Map<LineId, Long> quantities, Map<LineId, LineItem> lines,
                                                 Map<LineId, Sku> newLines) {
        Map<Sku, Long> units = new LinkedHashMap<>();
        quantities.forEach((id, q) -> units.merge(skuOf(lines, newLines, id), q, Long::sum));
        return units;
    }

    private static void remove(LineId id, Map<LineId, LineItem> lines, Map<LineId, Long> quantities,
                               Map<LineId, Sku> newLines, Map<LineId, String> newWarehouses, Set<LineId> grown,
                               List<PendingEvent> events) {
        Sku sku = skuOf(lines, newLines, id);
        long before = quantities.remove(id);
        grown.remove(id);
        newLines.remove(id);
        newWarehouses.remove(id);
        events.add(PendingEvent.of(CartEvent.Type.LINE_REMOVED, "lineId", id.value(), "sku", sku.value(),
                "quantity", "" + before));
    }

    private static LineId find(Map<LineId, LineItem> lines, Map<LineId, Long> quantities, Map<LineId, Sku> newLines,
                               Map<LineId, String> newWarehouses, Sku sku, String warehouse) {
        for (LineItem line : lines.values()) {
            if (line.holds(sku, warehouse) && quantities.containsKey(line.id())) {
                return line.id();
            }
        }
        for (Map.Entry<LineId, Sku> e : newLines.entrySet()) {
            if (e.getValue().equals(sku) && newWarehouses.get(e.getKey()).equals(warehouse)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Sku skuOf(Map<LineId, LineItem> lines, Map<LineId, Sku> newLines, LineId id) {
        LineItem line = lines.get(id);
        return line != null ? line.sku() : newLines.get(id);
    }
}
