package dev.cartflow.benchmarks.cluster;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two requests that may succeed only once, sent at the same moment to two different instances:
 * two checkouts of one cart, and the checkouts of two carts of one customer carrying a code that
 * customer may use once.
 */
final class RaceChecks {
    /** The demo shop's once-per-customer code and its EUR promotion (docs/service.md, "Promotions"). */
    static final String SINGLE_USE_CODE = "HELLO5";
    static final String SINGLE_USE_PROMOTION = "HELLO5-EUR";
    /** An untracked demo product without quantity rules that gets no automatic promotion. */
    static final String PLAIN_SKU = "MUG";

    private final Topology topology;
    private final CartApi api;
    private final Stored stored;

    RaceChecks(Topology topology, CartApi api) {
        this.topology = topology;
        this.api = api;
        this.stored = new Stored(topology.postgres());
    }

    /**
     * {@code rounds} carts, each checked out twice at once on two instances: one order per cart (the
     * cart stored {@code CHECKED_OUT} with one {@code CHECKED_OUT} event), one success; the other attempt
     * answers {@code 409 CART_NOT_ACTIVE}, or, when both ran from the same version, the winner's
     * result (engine.md: "concurrent attempts from the same version produce one order").
     */
    Verdict doubleCheckout(int rounds) throws IOException, InterruptedException, SQLException {
        List<URI> instances = topology.instances();
        int orders = 0;
        int refusedNotActive = 0;
        int sameResult = 0;
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            CartApi.CartRef cart = api.createGuest(instances.get(round % instances.size()));
            requireOk(api.add(instances.get((round + 1) % instances.size()), cart, PLAIN_SKU, 1, UUID.randomUUID().toString()));
            URI first = instances.get(round % instances.size());
            URI second = instances.get((round + 1) % instances.size());
            List<CartApi.Answer> answers = atOnce(
                    () -> api.checkout(first, cart, UUID.randomUUID().toString()),
                    () -> api.checkout(second, cart, UUID.randomUUID().toString()));
            List<CartApi.Answer> wins = answers.stream().filter(CartApi.Answer::ok).toList();
            List<CartApi.Answer> losses = answers.stream().filter(a -> !a.ok()).toList();
            Stored.Cart row = stored.cart(cart.id());
            long checkedOutEvents = stored.events(List.of(cart.id())).stream()
                    .filter(e -> e.type().equals("CHECKED_OUT")).count();
            boolean oneOrder = row.state().equals("CHECKED_OUT") && checkedOutEvents == 1;
            boolean answersFit;
            if (wins.size() == 1 && losses.get(0).status() == 409 && losses.get(0).code().equals("CART_NOT_ACTIVE")) {
                refusedNotActive++;
                answersFit = true;
            } else if (wins.size() == 2) {
                String a = wins.get(0).body().path("checkout").path("reservationId").asText();
                String b = wins.get(1).body().path("checkout").path("reservationId").asText();
                answersFit = !a.isEmpty() && a.equals(b);
                if (answersFit) {
                    sameResult++;
                }
            } else {
                answersFit = false;
            }
            if (oneOrder && answersFit) {
                orders++;
            } else {
                wrong.add("cart " + cart.id() + ": answers " + answers.stream().map(x -> x.status() + " " + x.code()).toList()
                        + ", stored " + row.state() + " with " + checkedOutEvents + " CHECKED_OUT events");
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("carts", rounds);
        figures.put("one_order", orders);
        figures.put("loser_409_not_active", refusedNotActive);
        figures.put("both_same_result", sameResult);
        return Verdict.of("double-checkout", orders == rounds, figures,
                wrong.isEmpty() ? "each cart checked out twice at once on two instances made one order" : String.join("; ", wrong));
    }

    /**
     * {@code rounds} customers, each with two carts carrying {@value #SINGLE_USE_CODE} (once per
     * customer), checked out at once on two instances: one checkout redeems it, the other answers
     * {@code 422 PROMOTION_EXHAUSTED} and stays active, and PostgreSQL holds one redemption.
     */
    Verdict singleUseCode(int rounds) throws IOException, InterruptedException, SQLException {
        List<URI> instances = topology.instances();
        int once = 0;
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            CartApi.Credential bearer = CartApi.Credential.bearer(topology.customerToken("race-" + UUID.randomUUID()));
            List<CartApi.CartRef> carts = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                URI instance = instances.get((round + c) % instances.size());
                CartApi.CartRef cart = api.createCustomer(instance, bearer);
                requireOk(api.add(instance, cart, PLAIN_SKU, 2, UUID.randomUUID().toString()));
                requireOk(api.applyCode(instances.get((round + c + 1) % instances.size()), cart, SINGLE_USE_CODE));
                carts.add(cart);
            }
            URI first = instances.get(round % instances.size());
            URI second = instances.get((round + 1) % instances.size());
            List<CartApi.Answer> answers = atOnce(
                    () -> api.checkout(first, carts.get(0), UUID.randomUUID().toString()),
                    () -> api.checkout(second, carts.get(1), UUID.randomUUID().toString()));
            long redemptions = stored.redemptions(SINGLE_USE_PROMOTION, carts.stream().map(CartApi.CartRef::id).toList());
            List<CartApi.Answer> wins = answers.stream().filter(CartApi.Answer::ok).toList();
            List<CartApi.Answer> losses = answers.stream().filter(a -> !a.ok()).toList();
            boolean redeemedOnce = redemptions == 1 && wins.size() == 1 && losses.size() == 1
                    && losses.get(0).status() == 422 && losses.get(0).code().equals("PROMOTION_EXHAUSTED")
                    && wins.get(0).body().path("checkout").path("redeemed").toString().contains(SINGLE_USE_PROMOTION);
            if (redeemedOnce) {
                once++;
            } else {
                wrong.add("answers " + answers.stream().map(x -> x.status() + " " + x.code()).toList() + ", "
                        + redemptions + " redemptions stored");
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("customers", rounds);
        figures.put("redeemed_once", once);
        return Verdict.of("single-use-code", once == rounds, figures,
                wrong.isEmpty() ? SINGLE_USE_CODE + " (once per customer) raced by two carts of one customer on two "
                        + "instances was redeemed once" : String.join("; ", wrong));
    }

    private static void requireOk(CartApi.Answer answer) throws IOException {
        if (!answer.ok()) {
            throw new IOException("set-up call answered " + answer.status() + " " + answer.code());
        }
    }

    /** Runs both calls released by one latch, so they reach their instances at the same moment. */
    private static List<CartApi.Answer> atOnce(Callable<CartApi.Answer> a, Callable<CartApi.Answer> b)
            throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<CartApi.Answer>> futures = new ArrayList<>();
            for (Callable<CartApi.Answer> call : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<CartApi.Answer> answers = new ArrayList<>();
            for (Future<CartApi.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (ExecutionException e) {
            throw new IOException("a raced call failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
