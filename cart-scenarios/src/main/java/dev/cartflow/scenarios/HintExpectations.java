package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Hint;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code hints} key of {@code expect}: the whole list of hints, compared as a set. Each
 * expected hint is {@code {id, kind, missing}} with {@code missing} a decimal string for
 * {@code AMOUNT} and an integer for {@code UNITS}; anything else in the file is a format error
 * naming the file and the key.
 */
final class HintExpectations {
    static final Set<String> KEYS = Set.of("id", "kind", "missing");

    private HintExpectations() {
    }

    /**
     * Adds to {@code diffs} the expected hints the priced cart lacks and the hints it has that were
     * not expected.
     *
     * @param expected the value of {@code hints}
     * @param path     where {@code expected} is in the file, such as {@code steps[3].hints}
     */
    static void compare(String file, String path, JsonNode expected, PricedCart priced, List<String> diffs) {
        if (!expected.isArray()) {
            throw new ScenarioFormatException(file + ": " + path + " must be a list");
        }
        Set<String> want = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode hint : expected) {
            want.add(expectedHint(file, path + "[" + i++ + "]", hint, priced));
        }
        Set<String> got = new LinkedHashSet<>();
        for (Hint hint : priced.hints()) {
            got.add(describe(hint));
        }
        List<String> lacking = new ArrayList<>();
        for (String hint : want) {
            if (!got.contains(hint)) {
                lacking.add(hint);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String hint : got) {
            if (!want.contains(hint)) {
                extra.add(hint);
            }
        }
        if (!lacking.isEmpty()) {
            diffs.add("hints expected but missing " + lacking);
        }
        if (!extra.isEmpty()) {
            diffs.add("hints not expected " + extra);
        }
    }

    private static String expectedHint(String file, String path, JsonNode hint, PricedCart priced) {
        Keys.check(file, path, hint, KEYS);
        for (String key : List.of("id", "kind", "missing")) {
            if (!hint.hasNonNull(key)) {
                throw new ScenarioFormatException(file + ": " + path + ": needs '" + key + "'");
            }
        }
        JsonNode id = hint.get("id");
        if (!id.isTextual()) {
            throw new ScenarioFormatException(file + ": " + path + ".id must be a string");
        }
        JsonNode missing = hint.get("missing");
        switch (hint.get("kind").asText()) {
            case "AMOUNT" -> {
                if (!missing.isTextual()) {
                    throw new ScenarioFormatException(file + ": " + path + ".missing must be a decimal string");
                }
                try {
                    Money amount = Money.parse(missing.asText(), priced.currency());
                    return id.asText() + " AMOUNT " + amount.toDecimalString();
                } catch (CartException e) {
                    throw new ScenarioFormatException(file + ": " + path + ".missing: " + e.getMessage());
                }
            }
            case "UNITS" -> {
                if (!missing.isIntegralNumber() || !missing.canConvertToLong()) {
                    throw new ScenarioFormatException(file + ": " + path + ".missing must be an integer");
                }
                return id.asText() + " UNITS " + missing.asLong();
            }
            default -> throw new ScenarioFormatException(file + ": " + path + ".kind must be AMOUNT or UNITS");
        }
    }

    /** One hint as the comparison sees it: id, kind and the missing figure in the cart's precision. */
    private static String describe(Hint hint) {
        return hint.id() + " " + hint.kind() + " " + (hint.kind() == Hint.Kind.AMOUNT
                ? hint.missingAmount().toDecimalString() : Long.toString(hint.missingUnits()));
    }
}
