package dev.cartflow.core.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cartflow.error.CartException;
import java.io.IOException;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Rewrites the values of configured top-level keys of a cart's metadata object, leaving every other
 * character as stored. Values are cut out of the text by the parser's offsets rather than parsed
 * and written again, so numbers and strings elsewhere stay exactly as the caller wrote them, and a
 * decrypted value is the very JSON text that was encrypted.
 */
final class MetadataFields {
    private static final JsonFactory FACTORY = new JsonFactory();

    private MetadataFields() {
    }

    /**
     * The metadata with each selected value replaced.
     *
     * @param metadata the stored JSON object text
     * @param fields   the top-level keys to rewrite
     * @param rewrite  (key, the value's JSON text) to the new value's JSON text
     * @return the rewritten object text (the same text when no key matched)
     */
    static String rewrite(String metadata, Set<String> fields, BiFunction<String, String, String> rewrite) {
        if (fields.isEmpty()) {
            return metadata;
        }
        StringBuilder out = new StringBuilder(metadata.length() + 64);
        boolean changed = false;
        try (JsonParser parser = FACTORY.createParser(metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw CartException.internal("stored metadata is not a JSON object", null);
            }
            out.append('{');
            boolean first = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int nameStart = offset(parser.currentTokenLocation().getCharOffset());
                String name = parser.currentName();
                parser.nextToken();
                int valueStart = offset(parser.currentTokenLocation().getCharOffset());
                parser.skipChildren();
                parser.finishToken(); // a string's end is known only once it is read
                int valueEnd = offset(parser.currentLocation().getCharOffset());
                String value = metadata.substring(valueStart, valueEnd);
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(metadata, nameStart, valueStart);
                if (fields.contains(name)) {
                    String replaced = rewrite.apply(name, value);
                    changed |= !replaced.equals(value);
                    out.append(replaced);
                } else {
                    out.append(value);
                }
            }
            out.append('}');
        } catch (IOException e) {
            throw CartException.internal("stored metadata is not valid JSON", e);
        }
        return changed ? out.toString() : metadata;
    }

    /** Whether each selected value passes the test (a value's JSON text). */
    static boolean all(String metadata, Set<String> fields, java.util.function.Predicate<String> test) {
        boolean[] ok = {true};
        rewrite(metadata, fields, (name, value) -> {
            ok[0] &= test.test(value);
            return value;
        });
        return ok[0];
    }

    private static int offset(long charOffset) {
        if (charOffset < 0 || charOffset > Integer.MAX_VALUE) {
            throw CartException.internal("metadata offsets are unavailable", null);
        }
        return (int) charOffset;
    }
}
