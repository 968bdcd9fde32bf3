package dev.cartflow.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CartCodecTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    /** A customer cart using every field. */
    private static final Cart FULL = new Cart(CartId.parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"),
            new CartOwner.Customer(new CustomerId("c-42")), "retail", EUR, "DE", CartState.ACTIVE, 3,
            List.of(new LineItem(new LineId("l-1"), Sku.of("SKU-1"), 2, "main", Money.ofMinor(1999, EUR),
                            T0.plusSeconds(1)),
                    new LineItem(new LineId("l-2"), Sku.of("SKU-2"), 1, "north", null, T0.plusSeconds(2))),
            List.of("WELCOME"), "dhl", "{\"gift\":true}", T0, T0.plusSeconds(3), T0.plusSeconds(86_400),
            T0.plusSeconds(4));

    /** A guest cart with nothing optional. */
    private static final Cart BARE = new Cart(CartId.parse("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"),
            new CartOwner.Guest("ab".repeat(32)), null, EUR, "FR", CartState.ACTIVE, 1, List.of(), List.of(), null,
            "{}", T0, T0, T0.plusSeconds(60), null);

    // Literal documents as the earlier releases stored them.

    /** cart-redis {@code CartCodec}: cache entries and Redis-stored carts. */
    private static final String REDIS_ENTRY = "{\"fv\":1,\"id\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\","
            + "\"o\":{\"c\":\"c-42\"},\"cg\":\"retail\",\"cu\":\"EUR\",\"co\":\"DE\",\"st\":\"ACTIVE\",\"v\":3,"
            + "\"l\":[{\"i\":\"l-1\",\"s\":\"SKU-1\",\"q\":2,\"w\":\"main\",\"pm\":1999,\"pc\":\"EUR\","
            + "\"a\":\"2026-03-01T10:15:31.123456789Z\"},"
            + "{\"i\":\"l-2\",\"s\":\"SKU-2\",\"q\":1,\"w\":\"north\",\"a\":\"2026-03-01T10:15:32.123456789Z\"}],"
            + "\"cd\":[\"WELCOME\"],\"sm\":\"dhl\",\"md\":\"{\\\"gift\\\":true}\","
            + "\"ca\":\"2026-03-01T10:15:30.123456789Z\",\"ua\":\"2026-03-01T10:15:33.123456789Z\","
            + "\"ea\":\"2026-03-02T10:15:30.123456789Z\",\"aa\":\"2026-03-01T10:15:34.123456789Z\"}";

    /** cart-core {@code CartJson} format 1: stored idempotent responses. */
    private static final String CORE_RESPONSE = "{\"f\":1,\"id\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\","
            + "\"customer\":\"c-42\",\"group\":\"retail\",\"currency\":\"EUR\",\"country\":\"DE\","
            + "\"state\":\"ACTIVE\",\"version\":3,"
            + "\"lines\":[{\"id\":\"l-1\",\"sku\":\"SKU-1\",\"qty\":2,\"wh\":\"main\",\"price\":1999,"
            + "\"priceCurrency\":\"EUR\",\"at\":\"2026-03-01T10:15:31.123456789Z\"},"
            + "{\"id\":\"l-2\",\"sku\":\"SKU-2\",\"qty\":1,\"wh\":\"north\",\"at\":\"2026-03-01T10:15:32.123456789Z\"}],"
            + "\"codes\":[\"WELCOME\"],\"shipping\":\"dhl\",\"metadata\":\"{\\\"gift\\\":true}\","
            + "\"created\":\"2026-03-01T10:15:30.123456789Z\",\"updated\":\"2026-03-01T10:15:33.123456789Z\","
            + "\"expires\":\"2026-03-02T10:15:30.123456789Z\",\"abandoned\":\"2026-03-01T10:15:34.123456789Z\"}";

    /** cart-jdbi {@code CartJsonLines}: export lines, without a format version. */
    private static final String JDBI_LINE = "{\"id\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\","
            + "\"owner\":{\"customerId\":\"c-42\"},\"customerGroup\":\"retail\",\"currency\":\"EUR\","
            + "\"country\":\"DE\",\"state\":\"ACTIVE\",\"version\":3,"
            + "\"lines\":[{\"id\":\"l-1\",\"sku\":\"SKU-1\",\"quantity\":2,\"warehouse\":\"main\","
            + "\"addedUnitPrice\":{\"minor\":1999,\"currency\":\"EUR\"},\"addedAt\":\"2026-03-01T10:15:31.123456789Z\"},"
            + "{\"id\":\"l-2\",\"sku\":\"SKU-2\",\"quantity\":1,\"warehouse\":\"north\",\"addedUnitPrice\":null,"
            + "\"addedAt\":\"2026-03-01T10:15:32.123456789Z\"}],"
            + "\"codes\":[\"WELCOME\"],\"shippingMethod\":\"dhl\",\"metadata\":\"{\\\"gift\\\":true}\","
            + "\"createdAt\":\"2026-03-01T10:15:30.123456789Z\",\"updatedAt\":\"2026-03-01T10:15:33.123456789Z\","
            + "\"expiresAt\":\"2026-03-02T10:15:30.123456789Z\",\"abandonedAt\":\"2026-03-01T10:15:34.123456789Z\"}";

    private static final String JDBI_GUEST_LINE = "{\"id\":\"0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d\","
            + "\"owner\":{\"guestTokenHash\":\"" + "ab".repeat(32) + "\"},\"customerGroup\":null,\"currency\":\"EUR\","
            + "\"country\":\"FR\",\"state\":\"ACTIVE\",\"version\":1,\"lines\":[],\"codes\":[],\"shippingMethod\":null,"
            + "\"metadata\":\"{}\",\"createdAt\":\"2026-03-01T10:15:30.123456789Z\","
            + "\"updatedAt\":\"2026-03-01T10:15:30.123456789Z\",\"expiresAt\":\"2026-03-01T10:16:30.123456789Z\","
            + "\"abandonedAt\":null}";

    @Test
    void read_redisEntryOfEarlierRelease_readsTheCart() {
        assertThat(CartCodec.read(REDIS_ENTRY)).isEqualTo(FULL);
    }

    @Test
    void read_coreResponseOfEarlierRelease_readsTheCart() {
        assertThat(CartCodec.read(CORE_RESPONSE)).isEqualTo(FULL);
    }

    @Test
    void read_jdbiLineOfEarlierRelease_readsTheCart() {
        assertThat(CartCodec.read(JDBI_LINE)).isEqualTo(FULL);
        assertThat(CartCodec.read(JDBI_GUEST_LINE)).isEqualTo(BARE);
    }

    @Test
    void write_compact_sameDocumentAsEarlierRedisEntry() {
        // unchanged bytes: instances of the earlier release keep reading what this one writes
        assertThat(CartCodec.write(FULL, CartCodec.Keys.COMPACT)).isEqualTo(REDIS_ENTRY);
    }

    @Test
    void write_verbose_earlierLineWithFormatVersionFirst() {
        assertThat(CartCodec.write(FULL, CartCodec.Keys.VERBOSE))
                .isEqualTo("{\"formatVersion\":1," + JDBI_LINE.substring(1));
        assertThat(CartCodec.write(BARE, CartCodec.Keys.VERBOSE))
                .isEqualTo("{\"formatVersion\":1," + JDBI_GUEST_LINE.substring(1));
    }

    @ParameterizedTest
    @EnumSource(CartCodec.Keys.class)
    void write_randomCarts_readBackEqual(CartCodec.Keys keys) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            Cart cart = randomCart(random);
            String json = CartCodec.write(cart, keys);
            assertThat(CartCodec.read(json)).as("seed %d, document %s", seed, json).isEqualTo(cart);
        }
    }

    private static Cart randomCart(Random random) {
        List<LineItem> lines = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            Money price = random.nextBoolean() ? Money.ofMinor(random.nextInt(1_000_000), EUR) : null;
            lines.add(new LineItem(new LineId("l-" + i), Sku.of("S\u00e9-\"" + i + "\\"), 1 + random.nextInt(99),
                    "w" + random.nextInt(3), price, T0.plusNanos(random.nextInt(1_000_000_000))));
        }
        CartOwner owner = random.nextBoolean() ? new CartOwner.Guest("cd".repeat(32))
                : new CartOwner.Customer(new CustomerId("c\u00fc-" + random.nextInt(1000)));
        CartState[] states = CartState.values();
        return new Cart(new CartId(UUID.randomUUID()), owner, random.nextBoolean() ? "vip" : null, EUR, "IT",
                states[random.nextInt(states.length)], 1 + random.nextInt(1000), lines,
                random.nextBoolean() ? List.of("A", "B") : List.of(), random.nextBoolean() ? "ups" : null,
                "{\"k\":\"v\\n\"}", T0, T0.plusSeconds(1), T0.plusSeconds(1 + random.nextInt(10_000)),
                random.nextBoolean() ? T0.plusMillis(random.nextInt(1000)) : null);
    }

    @Test
    void read_newerFormatVersion_invalidInputNamingTheVersion() {
        String newer = REDIS_ENTRY.replace("\"fv\":1", "\"fv\":2");

        assertThatThrownBy(() -> CartCodec.read(newer)).isInstanceOf(CartException.class)
                .hasMessageContaining("version 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "[1,2]",
            "\"a string\"",
            "{\"id\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"}",
            "{\"fv\":\"1\"}",
            "{\"fv\":1.5}",
            "{\"fv\":0}",
            "{\"fv\":1}"
    })
    void read_notACartDocument_invalidInput(String json) {
        assertInvalid(json);
    }

    @Test
    void read_trailingContentAfterTheObject_invalidInput() {
        assertInvalid(REDIS_ENTRY + " {}");
    }

    @Test
    void read_mistypedOrOutOfRangeValues_invalidInputWithoutTheValue() {
        assertInvalid(REDIS_ENTRY.replace("\"q\":2", "\"q\":\"2\""));
        assertInvalid(REDIS_ENTRY.replace("\"q\":2", "\"q\":2.5"));
        assertInvalid(REDIS_ENTRY.replace("\"q\":2", "\"q\":4294967296"));
        assertInvalid(REDIS_ENTRY.replace("\"v\":3", "\"v\":1e400"));
        assertInvalid(REDIS_ENTRY.replace("\"cd\":[\"WELCOME\"]", "\"cd\":[{}]"));
        assertInvalid(REDIS_ENTRY.replace("\"cu\":\"EUR\"", "\"cu\":\"ZZZ\""));
        assertInvalid(REDIS_ENTRY.replace("\"st\":\"ACTIVE\"", "\"st\":\"ARCHIVED\""));
        assertInvalid(REDIS_ENTRY.replace("\"ca\":\"2026-03-01T10:15:30.123456789Z\"", "\"ca\":\"yesterday\""));
        assertThatThrownBy(() -> CartCodec.read(REDIS_ENTRY.replace("\"o\":{\"c\":\"c-42\"}",
                "\"o\":{\"c\":42}"))).isInstanceOf(CartException.class).hasMessageNotContaining("42");
    }

    @Test
    void read_bothOrNoOwner_invalidInput() {
        assertInvalid(REDIS_ENTRY.replace("\"o\":{\"c\":\"c-42\"}", "\"o\":{\"c\":\"c-42\",\"g\":\"x\"}"));
        assertInvalid(REDIS_ENTRY.replace("\"o\":{\"c\":\"c-42\"}", "\"o\":{}"));
    }

    @Test
    void read_unknownKeys_ignored() {
        String withFuture = REDIS_ENTRY.replace("\"fv\":1,", "\"fv\":1,\"future\":{\"x\":[1,2]},");

        assertThat(CartCodec.read(withFuture)).isEqualTo(FULL);
    }

    @Test
    void writeAndRead_null_invalidInput() {
        assertThatThrownBy(() -> CartCodec.write(null, CartCodec.Keys.COMPACT)).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> CartCodec.write(FULL, null)).isInstanceOf(CartException.class);
        assertInvalid(null);
    }

    private static void assertInvalid(String json) {
        assertThatThrownBy(() -> CartCodec.read(json))
                .isExactlyInstanceOf(CartException.class)
                .satisfies(e -> assertThat(((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
