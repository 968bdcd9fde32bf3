package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.core.codec.PricedCartCodec;
import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.core.memory.NamedCartsRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.tck.CommerceCarts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input on the storage entry points of issue 11: cart documents (both key sets)
 * and priced-cart documents with one value of the new content replaced by a hostile one, and
 * hostile metadata and listing calls through the encrypting repository. Each call either succeeds or
 * throws a {@link CartException} with a code from the set its kind allows; a refused write leaves the
 * store exactly as it was. The seed is in every failure message.
 */
class HostileStorageTest {
    private static final long SEED = Long.getLong("cartflow.hostile.seed", 20261201L);
    private static final int DOCUMENTS = 1500;
    private static final Set<CartErrorCode> READING = EnumSet.of(CartErrorCode.INVALID_INPUT);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random = new Random(SEED);

    @Test
    void read_cartDocumentsWithOneHostileValue_onlyInvalidInputOrAValidCart() throws Exception {
        CommerceCarts carts = new CommerceCarts(SEED);
        int refused = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            Cart cart = carts.full(random.nextBoolean() ? new CartOwner.Guest("a".repeat(64))
                    : new CartOwner.Customer(new CustomerId("c-" + i)), CartKind.values()[i % 3]);
            CartCodec.Keys keys = CartCodec.Keys.values()[random.nextInt(2)];
            ObjectNode root = (ObjectNode) MAPPER.readTree(CartCodec.write(cart, keys));
            String where = mutate(root);
            String json = root.toString();
            try {
                Cart read = CartCodec.read(json);
                assertThat(CartCodec.read(CartCodec.write(read, keys))).as("seed %d, %s", SEED, where).isEqualTo(read);
            } catch (CartException e) {
                refused++;
                assertThat(e.code()).as("seed %d, %s: %s", SEED, where, e.getMessage()).isIn(READING);
            }
        }
        assertThat(refused).as("seed %d: hostile values should be refused", SEED).isGreaterThan(DOCUMENTS / 4);
    }

    @Test
    void read_pricedDocumentsWithOneHostileValue_onlyInvalidInputOrValidFigures() throws Exception {
        CommerceCarts carts = new CommerceCarts(SEED + 1);
        for (int i = 0; i < DOCUMENTS / 3; i++) {
            var figures = carts.full(new CartOwner.Guest("b".repeat(64)), CartKind.SHOPPING).freeze().figures();
            ObjectNode root = (ObjectNode) MAPPER.readTree(PricedCartCodec.write(figures));
            String where = mutate(root);
            try {
                PricedCartCodec.read(root.toString());
            } catch (CartException e) {
                assertThat(e.code()).as("seed %d, %s: %s", SEED, where, e.getMessage()).isIn(READING);
            }
        }
    }

    @Test
    void save_hostileMetadataThroughEncryption_invalidInputAndNothingStored() {
        NamedCartsRepository store = new NamedCartsRepository();
        CartRepository encrypting = EncryptingCartRepository.wrap(store, EncryptionSettings.builder()
                .keys(InMemoryKeyProvider.builder().key("k1", new byte[32]).build()).metadataFields("email").build());
        CommerceCarts carts = new CommerceCarts(SEED + 2);
        List<String> hostile = List.of("{\"cartflow:address\":\"cfenc:1:k1:AAAA\"}",
                "{\"a\":1,\"cartflow:address\":{}}", "{\"cartflow:address\":null,\"email\":\"x\"}");
        for (String metadata : hostile) {
            Cart cart = carts.full(new CartOwner.Customer(new CustomerId("c-h")), CartKind.WISH_LIST).toBuilder()
                    .metadata(metadata).build();
            try {
                encrypting.save(CartWrite.of(cart, 0, List.of()));
                throw new AssertionError("seed " + SEED + ": accepted reserved metadata " + metadata);
            } catch (CartException e) {
                assertThat(e.code()).as("seed %d, %s", SEED, metadata).isEqualTo(CartErrorCode.INVALID_INPUT);
            }
            assertThat(store.find(cart.id())).as("seed %d", SEED).isEmpty();
        }
        assertThat(((CustomerCarts) encrypting).cartsOf(new CustomerId("c-h"))).isEmpty();
    }

    /** Replaces one value of the document (preferring the new content) by a hostile one; says where. */
    private String mutate(ObjectNode root) {
        List<String> path = new ArrayList<>();
        JsonNode node = root;
        ObjectNode parent = root;
        String field = null;
        ArrayNode array = null;
        int index = -1;
        int depth = 1 + random.nextInt(4);
        for (int d = 0; d < depth && node.isContainerNode() && node.size() > 0; d++) {
            if (node.isObject()) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                String chosen = names.get(random.nextInt(names.size()));
                for (String preferred : List.of("kd", "nm", "ad", "bc", "pt", "rc", "fz", "kind", "name",
                        "shippingAddress", "billingCountry", "participants", "recovery", "freeze", "figures", "pr")) {
                    if (d == 0 && names.contains(preferred) && random.nextInt(3) > 0) {
                        chosen = preferred;
                        break;
                    }
                }
                parent = (ObjectNode) node;
                array = null;
                field = chosen;
                node = node.get(chosen);
                path.add(chosen);
            } else {
                array = (ArrayNode) node;
                index = random.nextInt(node.size());
                node = node.get(index);
                path.add("[" + index + "]");
            }
        }
        JsonNode replacement = hostileValue();
        if (array != null) {
            array.set(index, replacement);
        } else if (random.nextInt(8) == 0) {
            parent.remove(field);
            replacement = null;
        } else {
            parent.set(field, replacement);
        }
        return String.join(".", path) + " := " + replacement;
    }

    private JsonNode hostileValue() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(1e308);
            case 3 -> NODES.textNode("");
            case 4 -> NODES.textNode("x".repeat(10_000));
            case 5 -> NODES.textNode("\u0000");
            case 6 -> NODES.textNode("\uD800");
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.arrayNode().add(NODES.objectNode());
            case 9 -> NODES.objectNode().set("kd", NODES.textNode("WISH_LIST"));
            case 10 -> NODES.textNode("2026-13-45T99:99:99Z");
            case 11 -> NODES.textNode("EDIT");
            case 12 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            default -> NODES.textNode("GIFT");
        };
    }
}
