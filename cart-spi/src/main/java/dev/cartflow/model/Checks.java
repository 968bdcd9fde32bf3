package dev.cartflow.model;

import dev.cartflow.error.CartException;

/** Shared input checks of the model; every failure is an {@code INVALID_INPUT}. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw CartException.invalidInput(name + " must not be null");
        }
        return value;
    }

    /** Non-blank, at most {@code maxLength} characters, no control characters. */
    static String text(String value, String name, int maxLength) {
        notNull(value, name);
        if (value.isBlank()) {
            throw CartException.invalidInput(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw CartException.invalidInput(name + " must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw CartException.invalidInput(name + " must not contain control characters");
            }
        }
        return value;
    }

    static String country(String value, String name) {
        notNull(value, name);
        if (value.length() != 2 || !Character.isUpperCase(value.charAt(0)) || !Character.isUpperCase(value.charAt(1))
                || value.charAt(0) > 'Z' || value.charAt(1) > 'Z') {
            throw CartException.invalidInput(name + " must be an ISO 3166-1 alpha-2 code in upper case");
        }
        return value;
    }
}
