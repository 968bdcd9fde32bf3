package dev.cartflow.core.internal.rules;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Moving units of a line from one cart to another of the same owner: the source loses them as a
 * lowered line does (what stays must keep the product's step and minimum), the target gains them
 * as an add does (product, country, step, minimum and maximum of the resulting line, stock, the
 * target's limits and its shipping method; the same sku and warehouse adds up). When both sides
 * fail, the error first in precedence order is reported, whichever side it comes from.
 */
public final class MoveRule {
    private MoveRule() {
    }

    /**
     * Both sides of a move, still at their stored versions.
     *
     * @param source the source's change (event {@code LINE_MOVED_OUT})
     * @param target the target's change (event {@code LINE_MOVED_IN})
     */
    public record Moved(Change source, Change target) {
    }

    /**
     * Decides a move.
     *
     * @param source      the source cart, changeable
     * @param target      the target cart, changeable
     * @param lineId      the line on the source
     * @param quantity    units to move, or null for the whole line
     * @param snapshot    provider answers of this attempt, for the target's skus and stock keys and the moved line's
     * @param sourceRules the rules under the source kind's limits
     * @param targetRules the rules under the target kind's limits
     * @param now         the attempt's instant
     * @return both changes
     */
    public static Moved move(Cart source, Cart target, LineId lineId, @Nullable Integer quantity, Snapshot snapshot,
                             CommandRules sourceRules, CommandRules targetRules, Instant now) {
        LineItem line = source.line(lineId)
                .orElseThrow(() -> CartException.invalidInput("no line " + lineId + " on the cart"));
        int units = quantity == null ? line.quantity() : quantity;
        CartException failure = null;
        if (!source.currency().equals(target.currency())) {
            failure = new CartException(CartErrorCode.CURRENCY_MISMATCH, "the carts are in " + source.currency()
                    + " and " + target.currency());
        }
        if (units <= 0 || units > line.quantity()) {
            failure = first(failure, new CartException(CartErrorCode.INVALID_QUANTITY,
                    "a move takes between 1 and the line's " + line.quantity() + " units"));
        }
        Change out = null;
        Change in = null;
        if (units > 0 && units <= line.quantity()) {
            try {
                out = sourceRules.apply(source, new SetQuantity(lineId, line.quantity() - units), snapshot, now);
            } catch (CartException e) {
                failure = first(failure, e);
            }
            try {
                in = targetRules.apply(target, new AddItem(line.sku(), units, line.warehouse()), snapshot, now);
            } catch (CartException e) {
                failure = first(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        LineItem arrived = in.cart().line(line.sku(), line.warehouse()).orElseThrow(
                () -> CartException.internal("the moved line is not on the target", null));
        String count = Integer.toString(units);
        return new Moved(
                new Change(out.cart(), List.of(PendingEvent.of(CartEvent.Type.LINE_MOVED_OUT, "lineId", lineId.value(),
                        "sku", line.sku().value(), "warehouse", line.warehouse(), "quantity", count,
                        "to", target.id().toString()))),
                new Change(in.cart(), List.of(PendingEvent.of(CartEvent.Type.LINE_MOVED_IN, "lineId",
                        arrived.id().value(), "sku", line.sku().value(), "warehouse", line.warehouse(),
                        "quantity", count, "from", source.id().toString()))));
    }

    /** The error to report of two: the one first in precedence order (the codes are declared in it). */
    private static CartException first(@Nullable CartException a, CartException b) {
        return a == null || b.code().ordinal() < a.code().ordinal() ? b : a;
    }
}
