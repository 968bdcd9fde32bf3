package dev.cartflow.spring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Base64;
import java.util.Currency;

/** Checks of property values; each failure names the rule, and Boot's binder adds the property. */
final class Checked {
    private Checked() {
    }

    static <T> T present(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": a value is required");
        }
        return value;
    }

    static Duration positive(String name, Duration value) {
        if (present(name, value).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
        return value;
    }

    static Duration notNegative(String name, Duration value) {
        if (present(name, value).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    static int atLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
        }
        return value;
    }

    static long atLeast(String name, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
        }
        return value;
    }

    static BigDecimal notNegative(String name, BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    static String currency(String name, String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(present(name, code));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an ISO 4217 currency code", e);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(name + " must be a currency with a minor unit");
        }
        return code;
    }

    static RoundingMode halfRounding(String name, RoundingMode mode) {
        if (present(name, mode) != RoundingMode.HALF_EVEN && mode != RoundingMode.HALF_UP && mode != RoundingMode.HALF_DOWN) {
            throw new IllegalArgumentException(name + " must be HALF_EVEN, HALF_UP or HALF_DOWN");
        }
        return mode;
    }

    /** A Base64 secret of at least {@code bytes} bytes; the message never repeats the value. */
    static String base64Key(String name, String value, int bytes) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be Base64");
        }
        if (key.length < bytes) {
            throw new IllegalArgumentException(name + " must decode to at least " + bytes + " bytes");
        }
        return value.trim();
    }
}
