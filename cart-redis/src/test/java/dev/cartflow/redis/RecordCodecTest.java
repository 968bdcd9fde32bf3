package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    @Test
    void encode_cartWithLines_roundTrips() {
        Cart cart = Carts.add(Carts.add(Carts.guest(), "A"), "B");

        assertThat(RecordCodec.decodeCart(RecordCodec.encode(cart))).contains(cart);
    }

    @Test
    void decodeCart_newerFormatVersion_isEmpty() {
        String json = RecordCodec.encode(Carts.guest()).replace("\"fv\":1", "\"fv\":2");

        assertThat(RecordCodec.decodeCart(json)).isEmpty();
    }

    @Test
    void decodeCart_missingFormatVersion_isEmpty() {
        String json = RecordCodec.encode(Carts.guest()).replace("\"fv\":1,", "");

        assertThat(RecordCodec.decodeCart(json)).isEmpty();
    }

    @Test
    void decodeCart_unknownExtraField_isIgnored() {
        Cart cart = Carts.guest();
        String json = RecordCodec.encode(cart).replace("\"fv\":1,", "\"fv\":1,\"future\":{\"x\":[1,2]},");

        assertThat(RecordCodec.decodeCart(json)).contains(cart);
    }

    @Test
    void decodeCart_unknownState_isEmpty() {
        String json = RecordCodec.encode(Carts.guest()).replace("\"ACTIVE\"", "\"ARCHIVED\"");

        assertThat(RecordCodec.decodeCart(json)).isEmpty();
    }

    @Test
    void decodeCart_garbage_isEmpty() {
        assertThat(RecordCodec.decodeCart("{not json")).isEmpty();
        assertThat(RecordCodec.decodeCart("[1,2]")).isEmpty();
    }

    @Test
    void encode_eventAndIdempotencyRecord_roundTrip() {
        Cart cart = Carts.guest();
        CartEvent event = new CartEvent(cart.id(), 3, 1, CartEvent.Type.CODE_APPLIED, Instant.now(),
                Map.of("code", "X\"Y", "n", "2"));
        IdempotencyRecord record = new IdempotencyRecord("k", "fp", "{\"a\":1}", Instant.now());

        assertThat(RecordCodec.decodeEvent(RecordCodec.encode(event))).contains(event);
        assertThat(RecordCodec.decodeIdempotency(RecordCodec.encode(record))).contains(record);
    }
}
