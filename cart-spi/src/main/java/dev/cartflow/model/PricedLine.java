package dev.cartflow.model;

import dev.cartflow.model.internal.LineDiscountColumns;
import dev.cartflow.model.internal.LineDiscountList;
import java.util.List;

/**
 * One priced line. Amounts other than {@code tax}, {@code total} and {@code net} are in the price
 * mode of the engine's tax mode (net prices in {@code EXCLUSIVE}, gross in {@code INCLUSIVE}).
 *
 * @param lineId    the line
 * @param sku       the product
 * @param quantity  units
 * @param unitPrice price of one unit
 * @param subtotal  unit price times quantity
 * @param discount  all item and order discounts on the line
 * @param tax       tax of the line
 * @param total     what the line costs, tax included
 * @param net       total minus tax
 * @param taxes     tax per rate
 * @param discounts discount per promotion
 */
public record PricedLine(LineId lineId, Sku sku, int quantity, Money unitPrice, Money subtotal, Money discount,
                         Money tax, Money total, Money net, List<TaxAmount> taxes, List<LineDiscount> discounts) {
    /**
     * Copies the lists (a pricing function's discount lists, from {@code model.internal}, are immutable
     * already and kept); the quantity and the amounts are taken as given and the lists must not be null.
     *
     * @param lineId    not null
     * @param sku       not null
     * @param quantity  as given
     * @param unitPrice as given
     * @param subtotal  as given
     * @param discount  as given
     * @param tax       as given
     * @param total     as given
     * @param net       as given
     * @param taxes     copied
     * @param discounts copied
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the line id or the sku is null
     */
    public PricedLine {
        Checks.notNull(lineId, "line id");
        Checks.notNull(sku, "sku");
        taxes = List.copyOf(taxes);
        discounts = discounts instanceof LineDiscountColumns.Line || discounts instanceof LineDiscountList ? discounts
                : List.copyOf(discounts);
    }
}
