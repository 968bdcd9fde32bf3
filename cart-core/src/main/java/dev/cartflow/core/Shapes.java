package dev.cartflow.core;

import dev.cartflow.model.Checks;
import dev.cartflow.model.LineItem;
import dev.cartflow.error.CartException;

/** Input shape checks shared by commands and the engine. */
final class Shapes {
    static final int MAX_BULK = 500;

    private Shapes() {
    }

    static String text(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw CartException.invalidInput(name + " is required");
        }
        return Checks.text(value, name, maxLength);
    }

    static String warehouse(String warehouse) {
        return warehouse == null ? LineItem.DEFAULT_WAREHOUSE : text(warehouse, "warehouse", 64);
    }

    static String code(String code) {
        return text(code == null ? null : code.strip(), "code", 64);
    }

    static String country(String country) {
        return Checks.country(country, "country");
    }
}
