package dev.cartflow.core.internal.rules;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.ApplyCode;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.ChangeCountry;
import dev.cartflow.core.CartCommand.Clear;
import dev.cartflow.core.CartCommand.LineCommand;
import dev.cartflow.core.CartCommand.RemoveCode;
import dev.cartflow.core.CartCommand.SelectShipping;
import dev.cartflow.core.CartCommand.SetMetadata;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.StockKey;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decides one command on a cart: which rule applies, and the skus and stock keys it may need. */
public final class CommandRules {
    private final LineChanges lineChanges;
    private final int maxCodes;

    /** Rules under these cart limits. */
    public CommandRules(CartLimits limits) {
        this.lineChanges = new LineChanges(limits);
        this.maxCodes = limits.maxCodes();
    }

    /**
     * Applies a command whose input was already normalized.
     *
     * @param cart     the stored cart, active and at the expected version
     * @param command  the command
     * @param snapshot provider answers of this attempt
     * @param now      the attempt's instant
     * @return the change, or null when the command changes nothing
     */
    public Change apply(Cart cart, CartCommand command, Snapshot snapshot, Instant now) {
        if (command instanceof LineCommand line) {
            return lines(cart, List.of(line), snapshot, now);
        } else if (command instanceof Bulk bulk) {
            return lines(cart, bulk.changes(), snapshot, now);
        } else if (command instanceof Clear) {
            if (cart.lines().isEmpty() && cart.codes().isEmpty()) {
                return null;
            }
            return new Change(cart.toBuilder().lines(List.of()).codes(List.of()).build(),
                    List.of(PendingEvent.of(CartEvent.Type.CLEARED, "lines", "" + cart.lines().size())));
        } else if (command instanceof ApplyCode apply) {
            return CodeRules.apply(cart, apply.code(), snapshot, maxCodes);
        } else if (command instanceof RemoveCode remove) {
            return CodeRules.remove(cart, remove.code());
        } else if (command instanceof SelectShipping select) {
            return ShippingRule.select(cart, select.methodId(), snapshot);
        } else if (command instanceof ChangeCountry change) {
            return CountryRule.change(cart, change.country(), snapshot);
        } else if (command instanceof SetMetadata metadata) {
            return MetadataRule.replace(cart, metadata.json());
        } else if (command instanceof CartCommand.ChangeAddress address) {
            return AddressRule.change(cart, address, snapshot);
        }
        throw CartException.internal("no rule for " + command.getClass().getSimpleName(), null);
    }

    /** The checkout's revalidation of every line against the current catalog, prices, stock and limits. */
    public void revalidate(Cart cart, Snapshot snapshot) {
        lineChanges.revalidate(cart, snapshot);
    }

    /** The skus a command may need besides the cart's own. */
    public static Set<Sku> skus(CartCommand command) {
        Set<Sku> skus = new LinkedHashSet<>();
        for (AddItem add : adds(command)) {
            skus.add(add.sku());
        }
        return skus;
    }

    /** The stock keys a command may need besides the cart's own. */
    public static Set<StockKey> stockKeys(CartCommand command) {
        Set<StockKey> keys = new LinkedHashSet<>();
        for (AddItem add : adds(command)) {
            keys.add(new StockKey(add.sku(), add.warehouse()));
        }
        return keys;
    }

    private static List<AddItem> adds(CartCommand command) {
        List<? extends CartCommand> parts = command instanceof Bulk bulk ? bulk.changes() : List.of(command);
        return parts.stream().filter(AddItem.class::isInstance).map(AddItem.class::cast).toList();
    }

    private Change lines(Cart cart, List<LineCommand> commands, Snapshot snapshot, Instant now) {
        LineChanges.Result result = lineChanges.apply(cart, commands, snapshot, now);
        if (result.events().isEmpty()) {
            return null;
        }
        return new Change(cart.toBuilder().lines(result.lines()).build(), result.events());
    }
}
