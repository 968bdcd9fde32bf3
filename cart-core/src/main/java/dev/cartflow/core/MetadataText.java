package dev.cartflow.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The rule for a cart's host metadata: one JSON object, stored in compact form with every number
 * kept as the caller wrote it (no rounding, no {@code 1e5 -> 100000.0}, no {@code "Infinity"}).
 * Refused with {@code INVALID_INPUT}: anything but a single object (trailing content included),
 * duplicate keys, nesting deeper than {@value #MAX_DEPTH}, ill-formed Unicode or U+0000 in a key or
 * string (escapes such as {@code \ud800} included, since they decode to lone surrogates), numbers
 * longer than {@value #MAX_NUMBER_LENGTH} characters or with an exponent over
 * {@value #MAX_EXPONENT_DIGITS} digits, and a stored form over the size limit.
 *
 * <p>Streaming token by token instead of building a tree is what keeps numbers verbatim and the
 * work bounded by the input's length.
 */
final class MetadataText {
    /** The deepest nesting of objects and arrays, the metadata object itself being level 1. */
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 256;
    static final int MAX_EXPONENT_DIGITS = 4;
    /** Input beyond this many characters per byte of the limit cannot compact under it; refused unread. */
    private static final long MAX_INPUT_CHARS_PER_LIMIT_BYTE = 4;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private MetadataText() {
    }

    /**
     * The metadata in compact stored form.
     *
     * @param json     the caller's JSON object text
     * @param maxBytes the most UTF-8 bytes of the stored form
     * @return the compact form
     * @throws CartException {@code INVALID_INPUT} when a rule above fails
     */
    static String normalize(String json, int maxBytes) {
        Checks.wellFormed(json, "metadata");
        if (json.length() > MAX_INPUT_CHARS_PER_LIMIT_BYTE * Math.max(maxBytes, 1024)) {
            throw tooLarge(maxBytes);
        }
        StringWriter out = new StringWriter(Math.min(json.length(), 1 << 16));
        try (JsonParser parser = FACTORY.createParser(json);
             JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw CartException.invalidInput("metadata must be a JSON object");
            }
            copyObject(parser, generator);
            if (parser.nextToken() != null) {
                throw CartException.invalidInput("metadata has content after its JSON object" + at(parser.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            // the parser's message may quote the caller's text; only the position is kept
            throw CartException.invalidInput("metadata is not valid JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw CartException.internal("metadata could not be written", e);
        }
        String stored = out.toString();
        if (utf8Length(stored) > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return stored;
    }

    /** Copies the object whose START_OBJECT is the current token, through its END_OBJECT. */
    private static void copyObject(JsonParser parser, JsonGenerator generator) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        do {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    if (++depth > MAX_DEPTH) {
                        throw CartException.invalidInput("metadata is nested deeper than " + MAX_DEPTH + " levels");
                    }
                    generator.copyCurrentEvent(parser);
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    generator.copyCurrentEvent(parser);
                }
                case FIELD_NAME, VALUE_STRING -> {
                    checkText(parser.getText());
                    generator.copyCurrentEvent(parser);
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    String number = parser.getText();
                    checkNumber(number);
                    generator.writeNumber(number);
                }
                default -> generator.copyCurrentEvent(parser);
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        } while (token != null);
        throw CartException.invalidInput("metadata ends inside its JSON object");
    }

    private static void checkText(String text) {
        Checks.wellFormed(text, "metadata text");
        if (text.indexOf('\u0000') >= 0) {
            throw CartException.invalidInput("metadata text must not contain U+0000");
        }
    }

    /** The parser has checked the syntax; only the exponent's size is left to bound. */
    private static void checkNumber(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return;
        }
        int i = e + 1;
        if (i < number.length() && (number.charAt(i) == '+' || number.charAt(i) == '-')) {
            i++;
        }
        while (i < number.length() - 1 && number.charAt(i) == '0') {
            i++;
        }
        if (number.length() - i > MAX_EXPONENT_DIGITS) {
            throw CartException.invalidInput("a metadata number has an exponent over " + MAX_EXPONENT_DIGITS + " digits");
        }
    }

    private static CartException tooLarge(int maxBytes) {
        return CartException.invalidInput("metadata is larger than " + maxBytes + " bytes");
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
