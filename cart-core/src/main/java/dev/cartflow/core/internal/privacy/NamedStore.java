package dev.cartflow.core.internal.privacy;

import dev.cartflow.error.CartException;
import dev.cartflow.spi.PersonalDataStore;
import java.util.regex.Pattern;

/**
 * An extra store that keeps personal data, with the name it has in erasure reports and exports.
 *
 * @param name  lowercase letters, digits, dots and dashes, at most 64, not a name the engine uses
 * @param store the store
 */
public record NamedStore(String name, PersonalDataStore store) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    /** Validates. */
    public NamedStore {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CartException.invalidInput("a store name is 1 to 64 lowercase letters, digits, dots or dashes,"
                    + " starting with a letter");
        }
        if (Stores.RESERVED.contains(name)) {
            throw CartException.invalidInput("store name " + name + " is the engine's own");
        }
        CartException.requireNonNull(store, "personal data store");
    }
}
