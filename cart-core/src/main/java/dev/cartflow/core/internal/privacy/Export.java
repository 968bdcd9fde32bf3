package dev.cartflow.core.internal.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The export document, format {@value #FORMAT} version {@value #VERSION}:
 *
 * <pre>{@code
 * {"format": "cartflow.customer-export", "version": 1, "customerId": "...", "exportedAt": "...",
 *  "records": 3,
 *  "stores": {"repository": {"cart": [{"id": "...", "data": {...}}], "event": [...]},
 *             "promotionUsage": {"redemption": [...]}}}
 * }</pre>
 *
 * Stores, kinds and records are sorted (by name, kind, id) so that two exports of the same data are
 * equal; each record's content is the JSON its store gave, checked to be one JSON value.
 */
final class Export {
    static final String FORMAT = "cartflow.customer-export";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The document and how many records it holds. */
    record Document(String json, int records) {
    }

    private Export() {
    }

    static Document build(List<Stores.Named<PersonalDataStore>> stores, CustomerId customerId, String subject,
                          Instant now) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("customerId", customerId.value());
        root.put("exportedAt", now.toString());
        ObjectNode byStore = MAPPER.createObjectNode();
        int total = 0;
        Map<String, ObjectNode> sorted = new TreeMap<>();
        for (Stores.Named<PersonalDataStore> named : stores) {
            List<PersonalRecord> records = Failures.provider(named.name(),
                    () -> named.store().exportCustomer(customerId, subject));
            sorted.put(named.name(), kinds(named.name(), records));
            total += records.size();
        }
        sorted.forEach(byStore::set);
        root.put("records", total);
        root.set("stores", byStore);
        try {
            return new Document(MAPPER.writeValueAsString(root), total);
        } catch (JsonProcessingException e) {
            throw CartException.internal("cannot write the export", e);
        }
    }

    private static ObjectNode kinds(String store, List<PersonalRecord> records) {
        List<PersonalRecord> ordered = new ArrayList<>(records.size());
        for (PersonalRecord record : records) {
            if (record == null || record.kind() == null || record.kind().isBlank() || record.id() == null
                    || record.json() == null) {
                throw CartException.providerUnavailable("store " + store + " exported an incomplete record", null);
            }
            ordered.add(record);
        }
        ordered.sort(Comparator.comparing(PersonalRecord::kind).thenComparing(PersonalRecord::id));
        ObjectNode kinds = MAPPER.createObjectNode();
        for (PersonalRecord record : ordered) {
            ArrayNode list = kinds.has(record.kind()) ? (ArrayNode) kinds.get(record.kind())
                    : kinds.putArray(record.kind());
            ObjectNode entry = list.addObject();
            entry.put("id", record.id());
            entry.set("data", parse(store, record.json()));
        }
        return kinds;
    }

    private static JsonNode parse(String store, String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw CartException.providerUnavailable("store " + store + " exported an empty record", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw CartException.providerUnavailable("store " + store + " exported a record that is not JSON", e);
        }
    }
}
