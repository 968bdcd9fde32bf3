package dev.cartflow.core.internal.pipeline;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cartflow.model.CartOwner;
import dev.cartflow.error.CartException;

/**
 * Reads the responses that engines before format 2 stored for merge and checkout (records by their
 * fields, no format version), so that their keys still replay during a rolling deploy. Nothing
 * writes this form any more; drop it once no such record can be alive (the longest TTL they were
 * written with was the customer cart TTL).
 */
final class LegacyResponses {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = CartOwner.Guest.class, name = "guest"),
            @JsonSubTypes.Type(value = CartOwner.Customer.class, name = "customer")})
    private interface OwnerMixin {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .addMixIn(CartOwner.class, OwnerMixin.class)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private LegacyResponses() {
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw CartException.internal("unreadable stored " + type.getSimpleName(), e);
        }
    }
}
