package dev.cartflow.service;

import dev.cartflow.model.Cart;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import java.util.HashMap;
import java.util.Map;

/**
 * Each line's warehouse, which a priced line does not carry: looked up once per answer (both the
 * HTTP and the gRPC mapping render up to a hundred lines on every read).
 */
public final class LineWarehouses {
    private final Map<LineId, String> byLine;

    private LineWarehouses(Map<LineId, String> byLine) {
        this.byLine = byLine;
    }

    /**
     * The warehouses of a cart's lines.
     *
     * @param cart the cart
     * @return the lookup
     */
    public static LineWarehouses of(Cart cart) {
        Map<LineId, String> byLine = new HashMap<>();
        cart.lines().forEach(line -> byLine.put(line.id(), line.warehouse()));
        return new LineWarehouses(byLine);
    }

    /**
     * A line's warehouse.
     *
     * @param lineId the line
     * @return its warehouse, or the default one for a line the cart does not hold
     */
    public String of(LineId lineId) {
        return byLine.getOrDefault(lineId, LineItem.DEFAULT_WAREHOUSE);
    }
}
