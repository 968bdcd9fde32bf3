package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.ApplyCode;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.ChangeCountry;
import dev.cartflow.core.CartCommand.Clear;
import dev.cartflow.core.CartCommand.RemoveCode;
import dev.cartflow.core.CartCommand.RemoveLines;
import dev.cartflow.core.CartCommand.SelectShipping;
import dev.cartflow.core.CartCommand.SetMetadata;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.TaxProvider;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decision 3 and issue 9: every operation asks each provider at most once per attempt, with the
 * whole batch of keys. Counting wrappers sit around the in-memory providers; a cart is prepared
 * with a line quoted in another currency, a line whose tax comes from a category, stock, a code,
 * a limited promotion and a shipping method, so that an operation can reach every provider.
 */
class ProviderCallCountTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final CustomerId ALICE = new CustomerId("alice");

    /** Calls per provider since the last reset. */
    static final class Calls {
        private final Map<String, Integer> counts = new TreeMap<>();

        synchronized void count(String provider) {
            counts.merge(provider, 1, Integer::sum);
        }

        synchronized Map<String, Integer> snapshot() {
            return new TreeMap<>(counts);
        }

        synchronized void reset() {
            counts.clear();
        }
    }

    /** A world whose engine's providers count their calls. */
    static final class Counted {
        final TestWorld world = new TestWorld();
        final Calls calls = new Calls();
        final CartEngine engine;
        final Cart cart;
        final CreatedCart guest;

        Counted() {
            world.catalog.put(Product.simple(Sku.of("IMPORT")));
            world.pricing.put(new PriceQuote(Sku.of("IMPORT"), Money.parse("10.00", USD), List.of(), null));
            world.catalog.put(Product.simple(Sku.of("BOOK")));
            world.pricing.put(new PriceQuote(Sku.of("BOOK"), TestWorld.money("12.00"), List.of(), "books"));
            world.promotions.put(new Promotion("LIMITED", null, 1, Promotion.Stacking.STACKABLE,
                    Promotion.Basis.RUNNING, Promotion.Target.all(Promotion.Scope.ITEMS),
                    new Promotion.Action.Percent(Rate.percent("5")), Promotion.Conditions.NONE, null, 100, 0));
            InMemoryPromotionUsageStore usage = new InMemoryPromotionUsageStore();
            CatalogProvider catalog = skus -> {
                calls.count("catalog");
                return world.catalog.products(skus);
            };
            PricingProvider pricing = request -> {
                calls.count("pricing");
                return world.pricing.prices(request);
            };
            TaxProvider tax = (country, categories) -> {
                calls.count("tax");
                return Map.of("books", List.of(Rate.parse("0.07")));
            };
            ExchangeRateProvider rates = (from, to) -> {
                calls.count("exchange rates");
                return Optional.of(new ExchangeRate(from, to, Rate.parse("0.9"), Instant.EPOCH));
            };
            CountingInventory inventory = new CountingInventory(world, calls);
            PromotionProvider promotions = new PromotionProvider() {
                @Override
                public List<Promotion> promotions(PromotionQuery query) {
                    calls.count("promotions");
                    return world.promotions.promotions(query);
                }

                @Override
                public List<Promotion> byCode(String code, Currency currency) {
                    calls.count("promotions");
                    return world.promotions.byCode(code, currency);
                }
            };
            PromotionUsageStore countedUsage = new PromotionUsageStore() {
                @Override
                public Set<String> redeem(Collection<Promotion> p, CartId cartId, CartOwner owner) {
                    calls.count("promotion usage: redeem");
                    return usage.redeem(p, cartId, owner);
                }

                @Override
                public void release(CartId cartId) {
                    calls.count("promotion usage: release");
                    usage.release(cartId);
                }

                @Override
                public Set<String> exhausted(Collection<Promotion> p, CartId cartId, CartOwner owner) {
                    calls.count("promotion usage");
                    return usage.exhausted(p, cartId, owner);
                }
            };
            ShippingProvider shipping = (currency, country) -> {
                calls.count("shipping");
                return world.shipping.methods(currency, country);
            };
            engine = world.builder().catalog(catalog).pricing(pricing).tax(tax).exchangeRates(rates)
                    .inventory(inventory).reservations(inventory).promotions(promotions)
                    .promotionUsage(countedUsage).shipping(shipping).limits(new CartLimits(10, 50,
                            TestWorld.money("500.00"))).build();
            Actor alice = Actor.customer(ALICE);
            Cart created = engine.createCustomerCart(alice, ALICE, NewCart.of("EUR", "DE"));
            engine.execute(alice, created.id(), new Bulk(List.of(new AddItem(Sku.of("A"), 2),
                    new AddItem(Sku.of("IMPORT"), 1), new AddItem(Sku.of("BOOK"), 1))), Mutation.none());
            engine.applyCode(alice, created.id(), "SAVE10");
            cart = engine.selectShipping(alice, created.id(), "STD");
            guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
            engine.execute(guest.actor(), guest.cart().id(), new Bulk(List.of(new AddItem(Sku.of("A"), 1),
                    new AddItem(Sku.of("C"), 3))), Mutation.none());
            calls.reset();
        }

        Actor alice() {
            return Actor.customer(ALICE);
        }

        /** The guest cart marked abandoned with a recovery token, the calls counted from zero after. */
        RecoveryLink abandonedGuestLink() {
            world.clock.advance(Duration.ofDays(2));
            RecoveryLink link = engine.maintenance().markAbandonedWithRecovery(Duration.ofDays(1), 10).stream()
                    .filter(l -> l.cartId().equals(guest.cart().id())).findFirst().orElseThrow();
            calls.reset();
            return link;
        }

        Cart execute(CartCommand command) {
            return engine.execute(alice(), cart.id(), command, Mutation.none());
        }
    }

    static final class CountingInventory implements InventoryProvider, StockReservations {
        private final TestWorld world;
        private final Calls calls;

        CountingInventory(TestWorld world, Calls calls) {
            this.world = world;
            this.calls = calls;
        }

        @Override
        public Map<StockKey, Long> available(Set<StockKey> keys) {
            calls.count("inventory");
            return world.inventory.available(keys);
        }

        @Override
        public void reserve(String reservationId, Map<StockKey, Integer> units) {
            calls.count("inventory: reserve");
            world.inventory.reserve(reservationId, units);
        }

        @Override
        public void release(String reservationId) {
            calls.count("inventory: release");
            world.inventory.release(reservationId);
        }
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                op("createGuestCart", w -> w.engine.createGuestCart(NewCart.of("EUR", "DE"))),
                op("createCustomerCart", w -> w.engine.createCustomerCart(w.alice(), ALICE,
                        NewCart.of("EUR", "DE"))),
                op("get", w -> w.engine.get(w.alice(), w.cart.id())),
                op("activeCart", w -> w.engine.activeCart(w.alice(), ALICE)),
                op("changesSince", w -> w.engine.changesSince(w.alice(), w.cart.id(), 1)),
                op("price", w -> w.engine.price(w.alice(), w.cart.id()), "catalog", "pricing", "tax",
                        "exchange rates", "promotions", "promotion usage", "shipping"),
                op("addItem", w -> w.execute(new AddItem(Sku.of("A"), 1)), "catalog", "pricing", "tax",
                        "exchange rates", "inventory", "shipping"),
                op("setQuantity", w -> w.execute(new SetQuantity(w.cart.lines().get(0).id(), 3)), "catalog",
                        "pricing", "tax", "exchange rates", "inventory", "shipping"),
                op("removeLines", w -> w.execute(new RemoveLines(List.of(w.cart.lines().get(0).id())))),
                op("bulk", w -> w.execute(new Bulk(List.of(new AddItem(Sku.of("C"), 2),
                        new SetQuantity(w.cart.lines().get(0).id(), 1), new AddItem(Sku.of("B"), 2),
                        new AddItem(Sku.of("C"), 1)))), "catalog", "pricing", "tax", "exchange rates", "inventory",
                        "shipping"),
                op("clear", w -> w.execute(new Clear())),
                op("applyCode", w -> {
                    w.execute(new RemoveCode("SAVE10"));
                    w.calls.reset();
                    w.execute(new ApplyCode("SAVE10"));
                }, "promotions"),
                op("removeCode", w -> w.execute(new RemoveCode("SAVE10"))),
                op("selectShipping", w -> {
                    w.execute(new SelectShipping(null));
                    w.calls.reset();
                    w.execute(new SelectShipping("STD"));
                }, "catalog", "shipping"),
                op("changeCountry", w -> w.execute(new ChangeCountry("AT")), "catalog", "shipping"),
                op("setMetadata", w -> w.execute(new SetMetadata("{\"gift\":true}"))),
                op("merge", w -> w.engine.merge(w.alice(), new MergeRequest(w.guest.cart().id(), w.guest.token(),
                        ALICE, MergePolicy.SUM)), "catalog", "inventory"),
                op("previewMerge", w -> w.engine.previewMerge(w.alice(), new MergeRequest(w.guest.cart().id(),
                        w.guest.token(), ALICE, MergePolicy.SUM)), "catalog", "inventory"),
                op("checkout", w -> w.engine.checkout(w.alice(), w.cart.id(), Mutation.none()), "catalog",
                        "pricing", "tax", "exchange rates", "inventory", "promotions", "promotion usage",
                        "shipping", "promotion usage: redeem", "inventory: reserve"),
                op("markAbandoned", w -> {
                    w.world.clock.advance(Duration.ofDays(2));
                    assertThat(w.engine.maintenance().markAbandoned(Duration.ofDays(1), 10)).isEqualTo(2);
                }),
                op("purgeExpired", w -> {
                    w.world.clock.advance(Duration.ofDays(200));
                    assertThat(w.engine.maintenance().purgeExpired(Duration.ofDays(1), 10)).isEqualTo(2);
                }),
                // several carts (issue 11)
                op("createNamedCart", w -> w.engine.createNamedCart(w.alice(), ALICE,
                        dev.cartflow.model.CartKind.WISH_LIST, "gifts", NewCart.of("EUR", "DE"))),
                op("customerCarts", w -> w.engine.customerCarts(w.alice(), ALICE)),
                op("namedCart", w -> w.engine.namedCart(w.alice(), ALICE, dev.cartflow.model.CartKind.WISH_LIST,
                        "gifts")),
                op("moveLine", w -> {
                    Cart wish = w.engine.createNamedCart(w.alice(), ALICE, dev.cartflow.model.CartKind.WISH_LIST,
                            "gifts", NewCart.of("EUR", "DE"));
                    w.calls.reset();
                    w.engine.moveLine(w.alice(), new LineMove(w.cart.id(), w.cart.lines().get(0).id(), wish.id(), 1),
                            Mutation.none());
                }, "catalog", "pricing", "inventory"),
                op("moveLineIntoACartWithShipping", w -> {
                    Cart wish = w.engine.createNamedCart(w.alice(), ALICE, dev.cartflow.model.CartKind.WISH_LIST,
                            "gifts", NewCart.of("EUR", "DE"));
                    Cart moved = w.engine.moveLine(w.alice(), new LineMove(w.cart.id(), w.cart.lines().get(0).id(),
                            wish.id(), 1), Mutation.none()).to();
                    w.calls.reset();
                    w.engine.moveLine(w.alice(), LineMove.whole(wish.id(), moved.lines().get(0).id(), w.cart.id()),
                            Mutation.none());
                }, "catalog", "pricing", "tax", "exchange rates", "inventory", "shipping"),
                // recovery and freezing
                op("freeze", w -> w.engine.freeze(w.alice(), w.cart.id(), null, Mutation.none()), "catalog",
                        "pricing", "tax", "exchange rates", "promotions", "promotion usage", "shipping"),
                op("unfreeze", w -> {
                    w.engine.freeze(w.alice(), w.cart.id(), null, Mutation.none());
                    w.calls.reset();
                    w.engine.unfreeze(w.alice(), w.cart.id(), Mutation.none());
                }),
                op("price (frozen)", w -> {
                    w.engine.freeze(w.alice(), w.cart.id(), null, Mutation.none());
                    w.calls.reset();
                    w.engine.price(w.alice(), w.cart.id());
                }),
                op("checkout (frozen)", w -> {
                    w.engine.freeze(w.alice(), w.cart.id(), null, Mutation.none());
                    w.calls.reset();
                    w.engine.checkout(w.alice(), w.cart.id(), Mutation.none());
                }, "catalog", "pricing", "tax", "exchange rates", "inventory", "promotions", "shipping",
                        "promotion usage: redeem", "inventory: reserve"),
                op("markAbandonedWithRecovery", w -> {
                    w.world.clock.advance(Duration.ofDays(2));
                    assertThat(w.engine.maintenance().markAbandonedWithRecovery(Duration.ofDays(1), 10)).hasSize(2);
                }),
                op("issueRecovery", w -> {
                    w.world.clock.advance(Duration.ofDays(2));
                    w.engine.maintenance().markAbandoned(Duration.ofDays(1), 10);
                    w.calls.reset();
                    w.engine.issueRecovery(Actor.service("mailer"), w.guest.cart().id());
                }),
                op("recover", w -> w.engine.recover(w.abandonedGuestLink().token())),
                op("recover (signed in)", w -> w.engine.recover(w.alice(), w.abandonedGuestLink().token(),
                        MergePolicy.SUM), "catalog", "inventory"));
    }

    private static Arguments op(String name, Consumer<Counted> operation, String... expected) {
        return Arguments.of(name, operation, Set.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operation_oneAttempt_eachProviderAtMostOnce(String name, Consumer<Counted> operation, Set<String> expected) {
        Counted counted = new Counted();
        assertThat(counted.cart.owner()).isInstanceOf(CartOwner.Customer.class);

        operation.accept(counted);

        Map<String, Integer> calls = counted.calls.snapshot();
        assertThat(calls).as("calls of %s", name).allSatisfy((provider, count) -> assertThat(count)
                .as("%s calls to %s", name, provider).isEqualTo(1));
        assertThat(calls.keySet()).as("providers %s asks", name).containsExactlyInAnyOrderElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void addItem_concurrentChangeBeforeItsWrite_secondAttemptOnFreshSnapshotEachProviderOncePerAttempt() {
        TestWorld world = new TestWorld();
        Calls calls = new Calls();
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        CartEngine[] other = new CartEngine[1];
        CreatedCart[] cart = new CreatedCart[1];
        CartEngine engine = world.builder().catalog(skus -> {
            calls.count("catalog");
            // a concurrent change lands between this attempt's read and its write
            if (raced.compareAndSet(false, true)) {
                other[0].addItem(cart[0].actor(), cart[0].cart().id(), Sku.of("C"), 1);
            }
            return world.catalog.products(skus);
        }).pricing(request -> {
            calls.count("pricing");
            return world.pricing.prices(request);
        }).build();
        other[0] = world.engine();
        cart[0] = engine.createGuestCart(NewCart.of("EUR", "DE"));

        Cart result = engine.addItem(cart[0].actor(), cart[0].cart().id(), Sku.of("A"), 1);

        assertThat(calls.snapshot()).containsEntry("catalog", 2).containsEntry("pricing", 2);
        assertThat(result.version()).isEqualTo(3);
        assertThat(result.lines()).extracting(l -> l.sku().value()).containsExactly("C", "A");
    }
}
