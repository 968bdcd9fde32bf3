package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.residency.Region;
import dev.cartflow.core.residency.RegionRoutingRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile calls on the entry points of encryption and residency: key providers, settings,
 * regions and routing built from hostile values, metadata that looks like envelopes, stored envelopes
 * tampered with, foreign and forged regional cart ids, rotation batches. Each call either succeeds or
 * throws a {@link CartException} with a code from the set its kind allows, and a rejected call
 * leaves both regions' stores exactly as they were. The seed is in every failure message.
 */
class HostileEncryptionTest {
    private static final long SEED = Long.getLong("cartflow.hostile.seed", 20261201L);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Region EU = Region.of("eu", 1);
    private static final Region US = Region.of("us", 2);
    private static final Set<CartErrorCode> BUILDING = EnumSet.of(CartErrorCode.INVALID_INPUT);
    private static final Set<CartErrorCode> CALLS = EnumSet.of(CartErrorCode.INVALID_INPUT, CartErrorCode.ACCESS_DENIED,
            CartErrorCode.CART_NOT_FOUND);
    private static final Set<CartErrorCode> TAMPERED = EnumSet.of(CartErrorCode.INTERNAL);

    private final Random random = new Random(SEED);
    private final InMemoryCartRepository euStore = new InMemoryCartRepository();
    private final InMemoryCartRepository usStore = new InMemoryCartRepository();
    private final RegionRoutingRepository routing = RegionRoutingRepository.builder()
            .region(EU, euStore).region(US, usStore).defaultRegion("eu").build();
    private final InMemoryKeyProvider keys = InMemoryKeyProvider.builder()
            .key("k1", bytes(32, 1)).key("k2", bytes(16, 2)).build();
    private final CartRepository encrypted = EncryptingCartRepository.wrap(routing,
            EncryptionSettings.builder().keys(keys).metadataFields("email", "phone").build());
    private final CartEngine eu = engine(EU);
    private final CartEngine us = engine(US);
    private final List<CreatedCart> mine = new ArrayList<>();
    private final List<CreatedCart> theirs = new ArrayList<>();

    private CartEngine engine(Region region) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.put(Product.builder(Sku.of("A")).build());
        InMemoryPricing pricing = new InMemoryPricing();
        pricing.put(PriceQuote.of(Sku.of("A"), Money.parse("9.99", EUR), Rate.parse("0.19")));
        return CartEngine.builder().repository(encrypted).catalog(catalog).pricing(pricing).region(region).build();
    }

    private static byte[] bytes(int length, int fill) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void generatedCalls_onKeysEnvelopesAndRegions_onlyCartExceptionsWithTheirCodesAndNothingChanged() {
        for (int i = 0; i < 3; i++) {
            mine.add(eu.createGuestCart(NewCart.of("EUR", "DE")));
            theirs.add(us.createGuestCart(NewCart.of("EUR", "DE")));
        }
        int rejected = 0;
        for (int i = 0; i < 3_000; i++) {
            int kind = random.nextInt(8);
            Runnable restore = kind == 6 ? tamper() : () -> { };
            Map<CartId, Cart> before = stored();
            try {
                call(kind);
            } catch (CartException e) {
                rejected++;
                assertThat(allowed(kind)).as("seed %d call %d kind %d: %s", SEED, i, kind, e.getMessage())
                        .contains(e.code());
                assertThat(stored()).as("seed %d call %d kind %d changed storage", SEED, i, kind).isEqualTo(before);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + SEED + " call " + i + " kind " + kind + ": " + e, e);
            } finally {
                restore.run();
            }
        }
        assertThat(rejected).as("seed %d", SEED).isGreaterThan(300);
    }

    @Test
    void hostileEngineRun_overEncryptionAndARegion_holdsTheSuitesContract() {
        CartRepository store = EncryptingCartRepository.wrap(new InMemoryCartRepository(),
                EncryptionSettings.builder().keys(keys).metadataFields("email", "note").build());

        String summary = HostileEngineRun.run(CartEngine.builder().repository(store).region(EU), store::find, 1_500);

        assertThat(summary).contains("calls=1500");
    }

    private Set<CartErrorCode> allowed(int kind) {
        return switch (kind) {
            case 0, 1, 2 -> BUILDING;
            case 6 -> TAMPERED;
            default -> CALLS;
        };
    }

    private void call(int kind) {
        switch (kind) {
            case 0 -> InMemoryKeyProvider.builder().key(text(), new byte[random.nextInt(40)]).current(text()).build();
            case 1 -> EncryptionSettings.builder().keys(random.nextBoolean() ? keys : null)
                    .metadataFields(random.nextBoolean() ? null : new String[] {text(), text()}).build();
            case 2 -> {
                Region region = Region.of(text(), random.nextInt(5_000) - 100);
                RegionRoutingRepository.builder().region(region, random.nextBoolean() ? euStore : null)
                        .defaultRegion(text()).build();
            }
            case 3 -> eu.createGuestCart(NewCart.of("EUR", "DE").withRegion(random.nextBoolean() ? text() : "us"));
            case 4 -> {
                CreatedCart cart = pick(mine);
                eu.execute(cart.actor(), cart.cart().id(), new CartCommand.SetMetadata(metadata()), Mutation.none());
                String stored = euStore.find(cart.cart().id()).orElseThrow().metadata();
                assertThat(stored).as("seed %d", SEED).doesNotContain("shopper@").doesNotContain("+44 7");
            }
            case 5 -> {
                CreatedCart cart = pick(theirs);
                Actor actor = switch (random.nextInt(3)) {
                    case 0 -> cart.actor();
                    case 1 -> Actor.service("backoffice");
                    default -> Actor.customer(new CustomerId("c-" + random.nextInt(9)));
                };
                eu.execute(actor, cart.cart().id(), new CartCommand.SetMetadata("{\"email\":\"x\"}"), Mutation.none());
            }
            case 6 -> {
                eu.get(tampered.actor(), tampered.cart().id());
                throw new AssertionError("a tampered envelope was accepted");
            }
            default -> {
                CartId forged = random.nextBoolean() ? Region.of("zz", 1 + random.nextInt(Region.MAX_CODE)).newCartId(random)
                        : CartId.random();
                eu.get(Actor.service("backoffice"), forged);
            }
        }
    }

    /** The cart whose stored envelope {@link #tamper} altered. */
    private CreatedCart tampered;

    /** Alters a stored envelope behind the engine's back; returns what puts it back as it was. */
    private Runnable tamper() {
        CreatedCart cart = pick(mine);
        eu.execute(cart.actor(), cart.cart().id(), new CartCommand.SetMetadata("{\"email\":\"shopper@example.com\"}"),
                Mutation.none());
        Cart stored = euStore.find(cart.cart().id()).orElseThrow();
        String metadata = stored.metadata();
        String altered = switch (random.nextInt(5)) {
            case 0 -> metadata.replace("cfenc:1:k1:", "cfenc:1:k9:").replace("cfenc:1:k2:", "cfenc:1:k9:");
            case 1 -> metadata.replace("cfenc:1:", "cfenc:2:");
            case 2 -> metadata.substring(0, metadata.length() - 8) + "\"}";
            case 3 -> metadata.replace("cfenc:1:k2:", "cfenc:1:k1:");
            default -> flip(metadata);
        };
        Cart bad = stored.toBuilder().metadata(altered).version(stored.version() + 1).build();
        euStore.save(CartWrite.of(bad, stored.version(), List.of()));
        tampered = cart;
        return () -> euStore.save(CartWrite.of(stored.toBuilder().version(bad.version() + 1).build(), bad.version(),
                List.of()));
    }

    private String flip(String metadata) {
        int start = metadata.indexOf("cfenc:1:") + 12;
        int at = start + random.nextInt(Math.max(1, metadata.length() - start - 3));
        char c = metadata.charAt(at);
        return metadata.substring(0, at) + (c == 'A' ? 'B' : 'A') + metadata.substring(at + 1);
    }

    private String metadata() {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"email\":\"shopper@example.com\",\"phone\":\"+44 7700 900" + random.nextInt(1000) + "\"}";
            case 1 -> "{\"email\":\"cfenc:1:k1:" + text() + "\"}";
            case 2 -> "{\"email\":{\"nested\":[1e5,\"\\u00e9\",null]},\"other\":true}";
            case 3 -> "{\"email\":\"\ud800\"}";
            case 4 -> "{\"email\":\"" + "x".repeat(random.nextInt(6_000)) + "\"}";
            default -> "{\"email\":" + text() + "}";
        };
    }

    private String text() {
        String[] options = {"", " ", "k1", "eu", "us", "a:b", "\ud800", "é", "x".repeat(70), "\u0000", "cfenc:1:k1:",
                "cfenc:1:k1:AAAA", "eu-west_1", null};
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Map<CartId, Cart> stored() {
        Map<CartId, Cart> all = new LinkedHashMap<>();
        euStore.findAfter(null, 10_000).forEach(c -> all.put(c.id(), c));
        usStore.findAfter(null, 10_000).forEach(c -> all.put(c.id(), c));
        return all;
    }
}
