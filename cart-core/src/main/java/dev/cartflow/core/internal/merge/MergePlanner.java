package dev.cartflow.core.internal.merge;

import dev.cartflow.core.CartLimits;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.merge.MergeLine;
import dev.cartflow.core.merge.MergeLine.Outcome;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.model.Cart;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.StockKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a merge: which quantity each line keeps, what is clamped or dropped. Never fails for a
 * line; a line that cannot be kept is dropped and reported.
 */
final class MergePlanner {
    private final CartLimits limits;

    MergePlanner(CartLimits limits) {
        this.limits = limits;
    }

    /** The merged lines, codes and shipping, and the per-line report. */
    record Plan(List<LineItem> lines, List<String> codes, String shippingMethod, List<MergeLine> report) {
    }

    /** The guest cart becomes the customer's: nothing to combine, every line reported as added. */
    static Plan adopt(Cart guest) {
        List<MergeLine> report = new ArrayList<>();
        for (LineItem l : guest.lines()) {
            report.add(new MergeLine(l.sku(), l.warehouse(), l.quantity(), 0, l.quantity(), Outcome.ADDED, ""));
        }
        return new Plan(guest.lines(), guest.codes(), guest.shippingMethod(), report);
    }

    /** The plan of merging {@code guest} into {@code customer}, from the attempt's snapshot. */
    Plan plan(Cart guest, Cart customer, MergePolicy policy, Snapshot snapshot) {
        Map<Sku, Product> products = snapshot.products(Snapshot.skusOf(guest));
        Map<StockKey, Long> stock = snapshot.stock(Snapshot.stockKeysOf(guest));

        Map<LineId, LineItem> result = new LinkedHashMap<>();
        customer.lines().forEach(l -> result.put(l.id(), l));
        Map<LineId, MergeLine> report = new LinkedHashMap<>();
        List<LineId> added = new ArrayList<>();
        List<LineId> combined = new ArrayList<>();
        List<MergeLine> dropped = new ArrayList<>();
        for (LineItem g : guest.lines()) {
            LineItem c = customer.line(g.sku(), g.warehouse()).orElse(null);
            int customerQty = c == null ? 0 : c.quantity();
            int wanted = c == null ? g.quantity() : combine(policy, customerQty, g.quantity());
            Product product = products.get(g.sku());
            String reason = "";
            int kept;
            if (product == null) {
                kept = 0;
                reason = "PRODUCT_NOT_FOUND";
            } else if (!product.sellableIn(customer.country())) {
                kept = 0;
                reason = "COUNTRY_RESTRICTED";
            } else {
                long cap = product.maxQuantity();
                Long available = stock.get(new StockKey(g.sku(), g.warehouse()));
                if (available != null && available < cap) {
                    cap = available;
                    reason = "OUT_OF_STOCK";
                } else {
                    reason = "QUANTITY_LIMIT";
                }
                kept = (int) Math.min(wanted, Math.max(cap, 0));
                kept -= kept % product.quantityStep();
                if (kept < product.minQuantity()) {
                    kept = 0;
                }
                if (kept == wanted) {
                    reason = "";
                }
            }
            Outcome outcome = kept == 0 ? Outcome.DROPPED : kept < wanted ? Outcome.CLAMPED
                    : c == null ? Outcome.ADDED : Outcome.COMBINED;
            MergeLine line = new MergeLine(g.sku(), g.warehouse(), g.quantity(), customerQty, kept, outcome, reason);
            if (c != null) {
                if (kept == 0) {
                    result.remove(c.id());
                    dropped.add(line);
                } else {
                    result.put(c.id(), c.withQuantity(kept));
                    combined.add(c.id());
                    report.put(c.id(), line);
                }
            } else if (kept == 0) {
                dropped.add(line);
            } else {
                result.put(g.id(), g.withQuantity(kept));
                report.put(g.id(), line);
                added.add(g.id());
            }
        }
        enforceCartLimits(result, report, added, dropped);
        trimCombined(result, report, combined, products);
        List<MergeLine> lines = new ArrayList<>();
        for (LineItem g : guest.lines()) {
            LineItem target = customer.line(g.sku(), g.warehouse()).orElse(g);
            MergeLine line = report.get(target.id());
            if (line != null) {
                lines.add(line);
            }
        }
        lines.addAll(dropped);
        for (LineItem c : customer.lines()) {
            if (!report.containsKey(c.id()) && result.containsKey(c.id())) {
                lines.add(new MergeLine(c.sku(), c.warehouse(), 0, c.quantity(), c.quantity(), Outcome.KEPT, ""));
            }
        }
        List<String> codes = new ArrayList<>(customer.codes());
        for (String code : guest.codes()) {
            if (codes.stream().noneMatch(code::equalsIgnoreCase)) {
                codes.add(code);
            }
        }
        String shipping = customer.shippingMethod() != null ? customer.shippingMethod() : guest.shippingMethod();
        return new Plan(new ArrayList<>(result.values()), codes, shipping, lines);
    }

    /** Drops copied guest lines, last first, while the cart is over its line or unit limit. */
    private void enforceCartLimits(Map<LineId, LineItem> result, Map<LineId, MergeLine> report, List<LineId> added,
                                   List<MergeLine> dropped) {
        for (int i = added.size() - 1; i >= 0 && overLimits(result); i--) {
            LineId id = added.get(i);
            MergeLine line = report.remove(id);
            result.remove(id);
            dropped.add(0, new MergeLine(line.sku(), line.warehouse(), line.guestQuantity(), 0, 0, Outcome.DROPPED,
                    "CART_LIMIT"));
        }
    }

    /**
     * When the cart still holds too many units, lines grown by the merge give back units, last first,
     * never below the customer's own quantity (which was within the limit before).
     */
    private void trimCombined(Map<LineId, LineItem> result, Map<LineId, MergeLine> report, List<LineId> combined,
                              Map<Sku, Product> products) {
        long excess = units(result) - limits.maxTotalQuantity();
        for (int i = combined.size() - 1; i >= 0 && excess > 0; i--) {
            LineId id = combined.get(i);
            LineItem line = result.get(id);
            MergeLine was = report.get(id);
            int step = products.get(line.sku()).quantityStep();
            // Whole steps, enough of them to cover the excess where the line has them to give.
            long reduced = line.quantity() - excess;
            long target = Math.max(was.customerQuantity(), reduced - Math.floorMod(reduced, step));
            if (target >= line.quantity()) {
                continue;
            }
            excess -= line.quantity() - target;
            result.put(id, line.withQuantity((int) target));
            report.put(id, new MergeLine(was.sku(), was.warehouse(), was.guestQuantity(), was.customerQuantity(),
                    (int) target, Outcome.CLAMPED, "CART_LIMIT"));
        }
    }

    private static long units(Map<LineId, LineItem> lines) {
        long units = 0;
        for (LineItem l : lines.values()) {
            units += l.quantity();
        }
        return units;
    }

    private boolean overLimits(Map<LineId, LineItem> lines) {
        return lines.size() > limits.maxLines() || units(lines) > limits.maxTotalQuantity();
    }

    private static int combine(MergePolicy policy, int customer, int guest) {
        return switch (policy) {
            case SUM -> (int) Math.min(Integer.MAX_VALUE, (long) customer + guest);
            case MAX -> Math.max(customer, guest);
            case GUEST_WINS -> guest;
            case CUSTOMER_WINS -> customer;
        };
    }
}
