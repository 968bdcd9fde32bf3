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
            int copied = 0; // text between the values (keys, separators, whitespace) is copied as it is
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                int valueStart = offset(parser.currentTokenLocation().getCharOffset());
                parser.skipChildren();
                parser.finishToken(); // a string's end is known only once it is read
                int valueEnd = offset(parser.currentLocation().getCharOffset());
                String value = metadata.substring(valueStart, valueEnd);
                out.append(metadata, copied, valueStart);
                if (fields.contains(name)) {
                    String replaced = rewrite.apply(name, value);
                    changed |= !replaced.equals(value);
                    out.append(replaced);
                } else {
                    out.append(value);
                }
                copied = valueEnd;
            }
            out.append(metadata, copied, metadata.length());
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

    /**
     * The metadata with one more top-level key at its end, written without whitespace, so that
     * {@link #cutLast} gives back the very text it was added to.
     *
     * @param metadata  the JSON object text
     * @param name      the key, a JSON string literal's content that needs no escape
     * @param valueJson the value's JSON text
     * @return the object text with the key added
     */
    static String append(String metadata, String name, String valueJson) {
        int close = metadata.lastIndexOf('}');
        if (close < 0) {
            throw CartException.internal("stored metadata is not a JSON object", null);
        }
        String field = '"' + name + "\":" + valueJson;
        return metadata.substring(0, close) + (isEmptyObject(metadata) ? "" : ",") + field + metadata.substring(close);
    }

    /**
     * Cuts the key {@link #append} added: the value of {@code name} when it is the object's last key,
     * with the comma written before it; null when the object has no such key.
     *
     * @return the value's JSON text and the metadata without it, or null
     * @throws CartException {@code INTERNAL} when the key is there but not last (not our writing)
     */
    static Cut cutLast(String metadata, String name) {
        if (!metadata.contains('"' + name + '"')) {
            return null; // the common case, without a parse
        }
        try (JsonParser parser = FACTORY.createParser(metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw CartException.internal("stored metadata is not a JSON object", null);
            }
            Cut found = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int nameStart = offset(parser.currentTokenLocation().getCharOffset());
                boolean ours = name.equals(parser.currentName());
                parser.nextToken();
                int valueStart = offset(parser.currentTokenLocation().getCharOffset());
                parser.skipChildren();
                parser.finishToken();
                int valueEnd = offset(parser.currentLocation().getCharOffset());
                if (found != null) {
                    throw CartException.internal("an encrypted metadata entry is not the last key", null);
                }
                if (ours) {
                    int from = nameStart > 0 && metadata.charAt(nameStart - 1) == ',' ? nameStart - 1 : nameStart;
                    found = new Cut(metadata.substring(valueStart, valueEnd),
                            metadata.substring(0, from) + metadata.substring(valueEnd));
                }
            }
            return found;
        } catch (IOException e) {
            throw CartException.internal("stored metadata is not valid JSON", e);
        }
    }

    /** Whether the object text has no key at all. */
    private static boolean isEmptyObject(String metadata) {
        try (JsonParser parser = FACTORY.createParser(metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw CartException.internal("stored metadata is not a JSON object", null);
            }
            return parser.nextToken() == JsonToken.END_OBJECT;
        } catch (IOException e) {
            throw CartException.internal("stored metadata is not valid JSON", e);
        }
    }

    /**
     * A key cut out of the metadata.
     *
     * @param valueJson the cut value's JSON text
     * @param rest      the metadata without it
     */
    record Cut(String valueJson, String rest) {
    }
}
