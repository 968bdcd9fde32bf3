package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The input rules of the model, in one place so that the engine and adapters apply exactly the
 * rules the model records apply. Every failure is an {@code INVALID_INPUT}; messages name the field
 * but never repeat the offending value, which may be personal data.
 */
public final class Checks {
    /** The longest decimal text {@link #decimal} accepts, sign and exponent included. */
    public static final int MAX_DECIMAL_LENGTH = 64;
    /** The largest exponent magnitude {@link #decimal} accepts. */
    public static final int MAX_DECIMAL_EXPONENT = 100;

    private Checks() {
    }

    static <T> T notNull(@Nullable T value, String name) {
        if (value == null) {
            throw CartException.invalidInput(name + " must not be null");
        }
        return value;
    }

    /**
     * An immutable copy of a list entering the model or an SPI value.
     *
     * @param <T>    the element type
     * @param values the list
     * @param name   what it is, for the message
     * @return an immutable copy in the same order
     * @throws CartException {@code INVALID_INPUT} when the list or one of its elements is null, never a
     *                       {@code NullPointerException}
     */
    public static <T> List<T> listOf(@Nullable List<T> values, String name) {
        return List.copyOf(noNulls(values, name));
    }

    /**
     * An immutable copy of a set entering the model or an SPI value.
     *
     * @param <T>    the element type
     * @param values the set
     * @param name   what it is, for the message
     * @return an immutable copy
     * @throws CartException {@code INVALID_INPUT} when the set or one of its elements is null
     */
    public static <T> Set<T> setOf(@Nullable Set<T> values, String name) {
        return Set.copyOf(noNulls(values, name));
    }

    /** An immutable copy of a set of texts, each well-formed. */
    static Set<String> textSetOf(@Nullable Set<String> values, String name) {
        for (String value : noNulls(values, name)) {
            wellFormed(value, name);
        }
        return Set.copyOf(values);
    }

    /**
     * An immutable copy of a map entering the model or an SPI value.
     *
     * @param <K>    the key type
     * @param <V>    the value type
     * @param values the map
     * @param name   what it is, for the message
     * @return an immutable copy
     * @throws CartException {@code INVALID_INPUT} when the map, a key or a value is null
     */
    public static <K, V> Map<K, V> mapOf(@Nullable Map<K, V> values, String name) {
        notNull(values, name);
        for (Map.Entry<K, V> entry : values.entrySet()) {
            notNull(entry.getKey(), name + " key");
            notNull(entry.getValue(), name + " value");
        }
        return Map.copyOf(values);
    }

    private static <C extends Collection<?>> C noNulls(@Nullable C values, String name) {
        notNull(values, name);
        for (Object value : values) {
            notNull(value, name + " element");
        }
        return values;
    }

    /**
     * Text entering the model: non-blank, at most {@code maxLength} UTF-16 units, no control
     * characters and well-formed UTF-16 (see {@link #wellFormed}).
     *
     * @param value     the text
     * @param name      what it is, for the message
     * @param maxLength the most UTF-16 units allowed
     * @return the text, unchanged
     * @throws CartException {@code INVALID_INPUT} when a rule fails
     */
    public static String text(@Nullable String value, String name, int maxLength) {
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
        return wellFormed(value, name);
    }

    /**
     * Refuses ill-formed UTF-16: a high surrogate not followed by a low one, or a low surrogate not
     * preceded by a high one. Such text has no UTF-8 form; PostgreSQL stores it as {@code ?}, so two
     * different ids would become one.
     *
     * @param value the text
     * @param name  what it is, for the message
     * @return the text, unchanged
     * @throws CartException {@code INVALID_INPUT} on a null or ill-formed text
     */
    public static String wellFormed(@Nullable String value, String name) {
        notNull(value, name);
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw CartException.invalidInput(name + " must be well-formed Unicode (unpaired surrogate at " + i + ")");
            }
        }
        return value;
    }

    /**
     * A currency with a minor unit. Currencies without one ({@code XXX}, {@code XAU}: default
     * fraction digits -1) cannot be priced in minor units and are refused.
     *
     * @param currency the currency
     * @param name     what it is, for the message
     * @return the currency
     * @throws CartException {@code INVALID_INPUT} on a null currency or one without a minor unit
     */
    public static Currency currency(@Nullable Currency currency, String name) {
        notNull(currency, name);
        if (currency.getDefaultFractionDigits() < 0) {
            throw CartException.invalidInput(name + " " + currency.getCurrencyCode() + " has no minor unit");
        }
        return currency;
    }

    /**
     * An ISO 3166-1 alpha-2 code in upper case ASCII, such as {@code DE}.
     *
     * @param value the code
     * @param name  what it is, for the message
     * @return the code
     * @throws CartException {@code INVALID_INPUT} otherwise
     */
    public static String country(@Nullable String value, String name) {
        notNull(value, name);
        if (value.length() != 2 || !isAsciiUpper(value.charAt(0)) || !isAsciiUpper(value.charAt(1))) {
            throw CartException.invalidInput(name + " must be an ISO 3166-1 alpha-2 code in upper case");
        }
        return value;
    }

    /**
     * Parses a plain decimal such as {@code "-3.86"} or {@code "1.5e2"} after bounding it, so that
     * no hostile text (a huge exponent, megabytes of digits) reaches {@code BigDecimal} arithmetic:
     * at most {@value #MAX_DECIMAL_LENGTH} characters after trimming, ASCII digits only, an exponent
     * of at most {@value #MAX_DECIMAL_EXPONENT} in magnitude.
     *
     * @param text the decimal text; surrounding white space is ignored
     * @param name what it is, for the message
     * @return the exact value
     * @throws CartException {@code INVALID_INPUT} when the text is not such a decimal
     */
    public static BigDecimal decimal(@Nullable String text, String name) {
        notNull(text, name);
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_DECIMAL_LENGTH || !boundedDecimal(s)) {
            throw CartException.invalidInput("not a decimal " + name);
        }
        return new BigDecimal(s);
    }

    /** {@code [+-]? digits [. digits]? ([eE] [+-]? digits)?}, a digit in the mantissa, small exponent. */
    private static boolean boundedDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && isAsciiDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != 'e' && s.charAt(i) != 'E') {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i == n) {
            return false;
        }
        int exponent = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isAsciiDigit(c)) {
                return false;
            }
            exponent = exponent * 10 + (c - '0');
            if (exponent > MAX_DECIMAL_EXPONENT) {
                return false;
            }
        }
        return true;
    }

    /**
     * A data-residency region name such as {@code eu-west}: 1 to {@value #MAX_REGION_LENGTH} ASCII
     * letters, digits, {@code -} or {@code _}. Stored in a column and in cart ids' routing, so it is
     * kept to characters that need no escaping anywhere.
     *
     * @param value the region
     * @param name  what it is, for the message
     * @return the region, unchanged
     * @throws CartException {@code INVALID_INPUT} otherwise
     */
    public static String region(@Nullable String value, String name) {
        notNull(value, name);
        if (value.isEmpty() || value.length() > MAX_REGION_LENGTH) {
            throw CartException.invalidInput(name + " must have 1 to " + MAX_REGION_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAsciiDigit(c) || isAsciiUpper(c) || c >= 'a' && c <= 'z' || c == '-' || c == '_')) {
                throw CartException.invalidInput(name + " may hold only ASCII letters, digits, '-' and '_'");
            }
        }
        return value;
    }

    /** The longest region name. */
    public static final int MAX_REGION_LENGTH = 32;

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
