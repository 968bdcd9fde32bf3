package dev.cartflow.benchmarks;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartEngineBuilder;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The engine's read path, min-of-N: {@code engine.price(actor, cartId)} and {@code engine.get} on an
 * in-memory engine (repository, catalog, pricing, five promotions) for carts of 1, 10 and 100 lines.
 * Uses only API that exists before and after issue 10, so the same source measures both; the
 * wiring (default, or with an observer) is the caller's. Each call's time is kept; the fastest and
 * the median are printed, with the bytes allocated per call (the thread's exact counter).
 */
final class EngineReads {
    private static final int[] SIZES = {1, 10, 100};
    private static final int PROMOTIONS = 5;

    private EngineReads() {
    }

    /** Builds one engine per size with the given wiring, warms up, then prints one row per size and call. */
    static void run(String label, UnaryOperator<CartEngineBuilder> wiring) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long sink = 0;
        Fixture[] fixtures = new Fixture[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            fixtures[s] = Fixture.of(SIZES[s], wiring);
        }
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT on every shape
            if (round == 1) {
                System.out.printf("%-9s %-6s %-6s %10s %10s %10s%n", "config", "lines", "call", "min ns", "median ns",
                        "B/call");
            }
            for (Fixture f : fixtures) {
                int reps = Math.max(20_000, 400_000 / f.lines);
                for (String call : new String[] {"price", "get"}) {
                    boolean price = call.equals("price");
                    long[] times = new long[reps];
                    long b0 = mx.getThreadAllocatedBytes(tid);
                    for (int r = 0; r < reps; r++) {
                        long t = System.nanoTime();
                        sink += price ? f.engine.price(f.actor, f.id).total().minor() : f.engine.get(f.actor, f.id).version();
                        times[r] = System.nanoTime() - t;
                    }
                    long bytes = mx.getThreadAllocatedBytes(tid) - b0;
                    if (round == 1) {
                        Arrays.sort(times);
                        System.out.printf("%-9s %-6d %-6s %10d %10d %10.0f%n", label, f.lines, call, times[0],
                                times[reps / 2], bytes / (double) reps);
                    }
                }
            }
        }
        System.out.println("(checksum " + sink + ")");
    }

    /** An engine holding one customer cart of n lines. */
    record Fixture(int lines, CartEngine engine, Actor actor, CartId id) {
        static Fixture of(int lines, UnaryOperator<CartEngineBuilder> wiring) {
            SplittableRandom random = new SplittableRandom(42);
            InMemoryCatalog catalog = new InMemoryCatalog();
            InMemoryPricing pricing = new InMemoryPricing();
            InMemoryPromotions promotions = new InMemoryPromotions();
            Rate vat = Rate.parse("0.19");
            Rate reduced = Rate.parse("0.07");
            String[] categories = {"shoes", "shirts", "pants", "hats"};
            String[] brands = {"acme", "globex", "initech"};
            for (int i = 0; i < lines; i++) {
                Sku sku = Sku.of("SKU-" + i);
                catalog.put(new Product(sku, categories[i % categories.length], brands[i % brands.length], 100,
                        Set.of(), 1, 1_000, 1));
                pricing.put(PriceQuote.of(sku, Money.ofMinor(99 + random.nextInt(20_000), Carts.EUR),
                        i % 5 == 0 ? reduced : vat));
            }
            for (Promotion p : Carts.promotions(PROMOTIONS)) {
                promotions.put(p);
            }
            CartEngine engine = wiring.apply(CartEngine.builder().repository(new InMemoryCartRepository())
                    .catalog(catalog).pricing(pricing).promotions(promotions)).build();
            CustomerId customer = new CustomerId("bench-" + lines);
            Actor actor = Actor.customer(customer);
            CartId id = engine.createCustomerCart(actor, customer, NewCart.of("EUR", "DE")).id();
            for (int i = 0; i < lines; i++) {
                engine.addItem(actor, id, Sku.of("SKU-" + i), 1 + random.nextInt(5));
            }
            return new Fixture(lines, engine, actor, id);
        }
    }
}
