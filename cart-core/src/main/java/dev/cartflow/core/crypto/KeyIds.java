package dev.cartflow.core.crypto;

import dev.cartflow.error.CartException;

/** The rule for key ids: stored in clear in every envelope, so kept to characters that need no escaping. */
final class KeyIds {
    static final int MAX_LENGTH = 64;

    private KeyIds() {
    }

    /** The id, or {@code INVALID_INPUT} when it is not 1 to 64 ASCII letters, digits, '-', '_' or '.'. */
    static String check(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_LENGTH) {
            throw CartException.invalidInput("a key id must have 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                throw CartException.invalidInput("a key id may hold only ASCII letters, digits, '-', '_' and '.'");
            }
        }
        return keyId;
    }

    /** Whether a length in bytes is an AES key length. */
    static boolean aesLength(int bytes) {
        return bytes == 16 || bytes == 24 || bytes == 32;
    }
}
