package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.core.privacy.RetentionPolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite for erasure, export and retention: seeded calls with null, malformed and
 * foreign actors, malformed customer ids and retention policies, and actors without the right. Every
 * call either succeeds or throws a {@link CartException} whose code is in the asserted set, and a
 * rejected call changes nothing stored (the stores' contents compared before and after). The seed
 * ({@code -Dcartflow.hostile.seed}) is in every failure message.
 */
class HostileDataProtectionTest {
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT,
            CartErrorCode.ACCESS_DENIED);
    private static final String[] BAD_TEXT = {null, "", "   ", "\uD800", "x\uDC00y", "tab\there", "nul\u0000",
            "x".repeat(129), "line\nbreak", "\u0085"};

    private final long seed = Long.getLong("cartflow.hostile.seed", HostileEngineRun.DEFAULT_SEED);
    private final Random random = new Random(seed);
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final InMemoryPromotionUsageStore usage = new InMemoryPromotionUsageStore();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final List<CustomerId> customers = new ArrayList<>();
    private CartEngine engine;

    @Test
    void eraseExportRetention_hostileInput_onlyExpectedCodesAndRejectedCallsChangeNothing() {
        engine = engine();
        for (int i = 0; i < 5; i++) {
            CustomerId customer = new CustomerId("hostile-" + i);
            customers.add(customer);
            seedCart(customer);
        }
        Map<CartErrorCode, Integer> codes = new EnumMap<>(CartErrorCode.class);
        int calls = Integer.getInteger("cartflow.hostile.iterations", 3_000);
        int accepted = 0;
        for (int call = 0; call < calls; call++) {
            List<String> before = stored();
            String[] description = {""};
            try {
                hostileCall(description).get();
                accepted++;
            } catch (CartException e) {
                codes.merge(e.code(), 1, Integer::sum);
                if (!EXPECTED.contains(e.code())) {
                    throw breach(call, description[0], "unexpected code " + e.code(), e);
                }
                if (!stored().equals(before)) {
                    throw breach(call, description[0], "a rejected call changed stored data", e);
                }
            } catch (RuntimeException | Error e) {
                throw breach(call, description[0], "threw " + e.getClass().getName(), e);
            }
        }
        System.out.println("HostileDataProtectionTest seed " + seed + " calls=" + calls + " accepted=" + accepted
                + " rejected=" + codes);
        assertThat(codes).as("seed " + seed).containsOnlyKeys(EXPECTED);
        assertThat(accepted).as("seed " + seed + ": some calls were legitimate").isPositive();
        assertThat(audit).as("no audit entry names a customer in clear").allSatisfy(e ->
                customers.forEach(c -> assertThat(e.toString()).doesNotContain(c.value())));
    }

    /** One generated call, not run yet; {@code description} says what it is, for the failure message. */
    private Supplier<Object> hostileCall(String[] description) {
        int kind = random.nextInt(6);
        switch (kind) {
            case 0 -> {
                String text = BAD_TEXT[random.nextInt(BAD_TEXT.length)];
                description[0] = "erase with a malformed customer id " + printable(text);
                return () -> engine.dataProtection().erase(Actor.support("s", "r"), new CustomerId(text));
            }
            case 1 -> {
                String token = random.nextBoolean() ? BAD_TEXT[random.nextInt(BAD_TEXT.length)] : "t" + random.nextInt();
                description[0] = "export as a guest with token " + printable(token);
                return () -> engine.dataProtection().export(Actor.guest(token), someCustomer());
            }
            case 2 -> {
                Actor actor = refusedActor(CartOperation.ERASE_CUSTOMER);
                CustomerId customer = random.nextInt(5) == 0 ? null : someCustomer();
                description[0] = "erase by " + actor + " of " + customer;
                return () -> engine.dataProtection().erase(actor, customer);
            }
            case 3 -> {
                Actor actor = refusedActor(CartOperation.EXPORT_CUSTOMER);
                CustomerId customer = someCustomer();
                description[0] = "export by " + actor + " of " + customer;
                return () -> engine.dataProtection().export(actor, customer);
            }
            case 4 -> {
                Duration retention = duration();
                int batch = random.nextInt(4) == 0 ? -random.nextInt(3) : 1 + random.nextInt(50);
                description[0] = "retention " + retention + " in batches of " + batch;
                return () -> engine.maintenance().applyRetention(RetentionPolicy.builder().deliveredEvents(retention)
                        .idempotencyRecords(retention).build(), batch);
            }
            default -> {
                boolean export = random.nextBoolean();
                CustomerId customer = someCustomer();
                description[0] = (export ? "export" : "erase") + " by full support of " + customer;
                return () -> {
                    if (export) {
                        return engine.dataProtection().export(Actor.support("dpo", "DP-9"), customer);
                    }
                    Object report = engine.dataProtection().erase(Actor.support("dpo", "DP-9"), customer);
                    seedCart(customer); // so that later rejected calls still have data to leave alone
                    return report;
                };
            }
        }
    }

    /** An actor that may not run {@code operation} for the customers of this run, or a null. */
    private Actor refusedActor(CartOperation operation) {
        int pick = random.nextInt(operation == CartOperation.ERASE_CUSTOMER ? 5 : 4);
        return switch (pick) {
            case 0 -> null;
            case 1 -> Actor.customer(new CustomerId("stranger-" + random.nextInt(1000)));
            case 2 -> Actor.guest("guest-" + random.nextInt(1000), "identity-" + random.nextInt(10));
            case 3 -> {
                EnumSet<CartOperation> grants = EnumSet.noneOf(CartOperation.class);
                for (CartOperation op : CartOperation.values()) {
                    if (op != operation && random.nextBoolean()) {
                        grants.add(op);
                    }
                }
                yield Actor.service("svc-" + random.nextInt(10), grants);
            }
            default -> random.nextBoolean() ? Actor.supportReadOnly("ro-" + random.nextInt(10), "DP-1")
                    : Actor.customer(someCustomer());
        };
    }

    private void seedCart(CustomerId customer) {
        Cart cart = engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(customer), cart.id(), new Sku("A"), 1 + random.nextInt(5));
    }

    private CustomerId someCustomer() {
        return random.nextInt(8) == 0 ? new CustomerId("unknown-" + random.nextInt(100))
                : customers.get(random.nextInt(customers.size()));
    }

    private Duration duration() {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> Duration.ofSeconds(-1 - random.nextInt(1000));
            case 2 -> Duration.ofDays(36_526 + random.nextInt(1_000_000));
            case 3 -> Duration.ofSeconds(Long.MAX_VALUE);
            default -> Duration.ofDays(1 + random.nextInt(400));
        };
    }

    private CartEngine engine() {
        Currency eur = Currency.getInstance("EUR");
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        catalog.put(new Product(new Sku("A"), null, null, 10, Set.of(), 1, 100, 1));
        pricing.put(PriceQuote.of(new Sku("A"), Money.parse("2.00", eur), Rate.parse("0.19")));
        return CartEngine.builder().repository(repository).promotionUsage(usage).catalog(catalog).pricing(pricing)
                .audit(audit::add).build();
    }

    /** What the stores hold, read from their maps (the in-memory stores offer no scan). */
    private List<String> stored() {
        List<String> text = new ArrayList<>();
        for (Object store : List.of(repository, usage)) {
            synchronized (store) {
                for (Field field : store.getClass().getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                        continue;
                    }
                    field.setAccessible(true);
                    try {
                        ((Map<?, ?>) field.get(store)).forEach((k, v) -> text.add(field.getName() + k + "=" + v));
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        text.sort(null);
        return text;
    }

    private AssertionError breach(int call, String description, String what, Throwable cause) {
        return new AssertionError("seed " + seed + ", call " + call + " (" + description + "): " + what, cause);
    }

    private static String printable(String text) {
        return text == null ? "null" : text.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).reduce("", String::concat);
    }
}
