package dev.cartflow.core;

import dev.cartflow.model.Checks;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import java.util.List;

/**
 * A change to one cart, run by {@link CartEngine#execute}. Commands are values: the engine may
 * re-apply one to a newer version of the cart after a concurrent change, which is well defined for
 * every command here. Shape errors (nulls, blank text) fail at construction with
 * {@code INVALID_INPUT}; business rules (quantities, stock, limits) are checked by the engine.
 */
public sealed interface CartCommand {

    /** A command that changes lines; several run together in a {@link Bulk}. */
    sealed interface LineCommand extends CartCommand {
    }

    /**
     * Adds units of a sku; the same sku and warehouse on one cart is one line.
     *
     * @param sku       the product
     * @param quantity  units to add (must be positive and keep the line a multiple of the product's step)
     * @param warehouse where from; null means {@link LineItem#DEFAULT_WAREHOUSE}
     */
    record AddItem(Sku sku, int quantity, String warehouse) implements LineCommand {
        /**
         * Validates the shape.
         *
         * @param sku       the product; not null ({@code INVALID_INPUT})
         * @param quantity  units to add, checked by the engine ({@code INVALID_QUANTITY} unless positive)
         * @param warehouse null for {@link LineItem#DEFAULT_WAREHOUSE}, else 1 to 64 characters, not blank,
         *                  without control characters
         */
        public AddItem {
            if (sku == null) {
                throw CartException.invalidInput("sku is required");
            }
            warehouse = Shapes.warehouse(warehouse);
        }

        /**
         * Adds units from the default warehouse.
         *
         * @param sku      the product
         * @param quantity units to add
         */
        public AddItem(Sku sku, int quantity) {
            this(sku, quantity, null);
        }
    }

    /**
     * Sets a line's quantity; 0 removes the line.
     *
     * @param lineId   the line
     * @param quantity the new quantity
     */
    record SetQuantity(LineId lineId, int quantity) implements LineCommand {
        /**
         * Validates the shape.
         *
         * @param lineId   the line; not null ({@code INVALID_INPUT})
         * @param quantity the new quantity, checked by the engine (0 removes the line, a negative one is
         *                 {@code INVALID_QUANTITY})
         */
        public SetQuantity {
            if (lineId == null) {
                throw CartException.invalidInput("line id is required");
            }
        }
    }

    /**
     * Removes lines; ids not on the cart are ignored, so a retried removal is harmless.
     *
     * @param lineIds the lines
     */
    record RemoveLines(List<LineId> lineIds) implements LineCommand {
        /**
         * Validates the shape and copies.
         *
         * @param lineIds 1 to 500 ids, none null ({@code INVALID_INPUT} else); copied
         */
        public RemoveLines {
            if (lineIds == null || lineIds.isEmpty() || lineIds.stream().anyMatch(java.util.Objects::isNull)) {
                throw CartException.invalidInput("at least one line id is required");
            }
            if (lineIds.size() > Shapes.MAX_BULK) {
                throw CartException.invalidInput("at most " + Shapes.MAX_BULK + " line ids in one call");
            }
            lineIds = List.copyOf(lineIds);
        }
    }

    /**
     * Several line changes in one call, all or nothing, applied in order.
     *
     * @param changes the changes
     */
    record Bulk(List<LineCommand> changes) implements CartCommand {
        /**
         * Validates the shape and copies.
         *
         * @param changes 1 to 500 line commands, none null ({@code INVALID_INPUT} else); copied
         */
        public Bulk {
            if (changes == null || changes.isEmpty() || changes.stream().anyMatch(java.util.Objects::isNull)) {
                throw CartException.invalidInput("at least one change is required");
            }
            if (changes.size() > Shapes.MAX_BULK) {
                throw CartException.invalidInput("at most " + Shapes.MAX_BULK + " changes in one call");
            }
            changes = List.copyOf(changes);
        }
    }

    /** Removes every line and code. */
    record Clear() implements CartCommand {
    }

    /**
     * Applies a coupon code.
     *
     * @param code the code as typed
     */
    record ApplyCode(String code) implements CartCommand {
        /**
         * Validates the shape.
         *
         * @param code the code; stripped of surrounding white space, then 1 to 64 characters, not blank,
         *             without control characters
         */
        public ApplyCode {
            code = Shapes.code(code);
        }
    }

    /**
     * Removes a coupon code; a code not on the cart is ignored.
     *
     * @param code the code
     */
    record RemoveCode(String code) implements CartCommand {
        /**
         * Validates the shape.
         *
         * @param code the code; stripped of surrounding white space, then 1 to 64 characters, not blank,
         *             without control characters
         */
        public RemoveCode {
            code = Shapes.code(code);
        }
    }

    /**
     * Selects a shipping method, or none with null.
     *
     * @param methodId the method id, or null
     */
    record SelectShipping(String methodId) implements CartCommand {
        /**
         * Validates the shape.
         *
         * @param methodId null for none, else 1 to 64 characters, not blank, without control characters
         */
        public SelectShipping {
            if (methodId != null) {
                Shapes.text(methodId, "shipping method", 64);
            }
        }
    }

    /**
     * Changes the ship-to country; fails when a line is not sold there or the selected shipping
     * method does not ship there.
     *
     * @param country ISO 3166-1 alpha-2
     */
    record ChangeCountry(String country) implements CartCommand {
        /**
         * Validates the shape.
         *
         * @param country two upper-case ASCII letters ({@code INVALID_INPUT} else)
         */
        public ChangeCountry {
            Shapes.country(country);
        }
    }

    /**
     * Replaces the host's metadata of the cart.
     *
     * @param json a JSON object, at most the engine's metadata limit in UTF-8 bytes
     */
    record SetMetadata(String json) implements CartCommand {
        /**
         * Validates the shape.
         *
         * @param json not null ({@code INVALID_INPUT}); the engine then refuses, also with
         *             {@code INVALID_INPUT}, anything but one JSON object within the metadata limit
         */
        public SetMetadata {
            if (json == null) {
                throw CartException.invalidInput("metadata is required");
            }
        }
    }

    // --- addresses and the customer ---

    /**
     * Replaces where the cart ships to beyond its country and its billing country, and may change
     * the country with them in one step (both change or neither). Re-checks like
     * {@link ChangeCountry}: a new country must sell every line ({@code COUNTRY_RESTRICTED}), and the
     * selected shipping method must ship to the new destination ({@code SHIPPING_NOT_AVAILABLE});
     * either failure leaves the cart as it was. The next price uses the new destination's tax rates.
     *
     * @param country        the new ship-to country, or null to keep the cart's
     * @param address        the shipping address (of {@code country}, or of the cart's country when that is
     *                       null), or null to clear it
     * @param billingCountry the billing country, or null to clear it (billing then follows the ship-to country)
     */
    record ChangeAddress(String country, dev.cartflow.model.ShippingAddress address, String billingCountry)
            implements CartCommand {
        /**
         * Validates the shape.
         *
         * @param country        null, or two upper-case ASCII letters ({@code INVALID_INPUT} else)
         * @param address        the address, or null
         * @param billingCountry null, or two upper-case ASCII letters ({@code INVALID_INPUT} else)
         */
        public ChangeAddress {
            if (country != null) {
                Shapes.country(country);
            }
            if (billingCountry != null) {
                Checks.country(billingCountry, "billing country");
            }
        }

        /**
         * Sets or clears the shipping address in the cart's country, without a billing country.
         *
         * @param address the address, or null to clear it
         */
        public ChangeAddress(dev.cartflow.model.ShippingAddress address) {
            this(null, address, null);
        }
    }

    // --- several carts ---

    // --- shared carts ---

    // --- recovery and freezing ---

}
