package dev.cartflow.benchmarks.cluster;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi-process checks on one {@link Topology}, in the order they run: the concurrent adds, the
 * two races, an instance killed, the reservations left behind, Redis killed, and last the events on
 * Kafka (which covers every cart the others touched). {@code ScaleOutIT} asserts each verdict;
 * {@link ScaleOut} prints them.
 */
final class ScaleOutSuite {
    /** Products of the demo shop without stock tracking or quantity rules below 99 a line. */
    static final List<String> LOAD_SKUS = List.of("KETTLE", "BOARD", "CHOCOLATE", "BEANS", "CANDLE", "CABLE");

    private final Topology topology;
    private final CartApi api = new CartApi();
    private final ConsistencyChecks consistency;
    private final RaceChecks races;
    private final EventChecks events;
    private final int clients;

    ScaleOutSuite(Topology topology, int clients, long seed) {
        this.topology = topology;
        this.clients = clients;
        this.consistency = new ConsistencyChecks(topology, api, LOAD_SKUS, seed);
        this.races = new RaceChecks(topology, api);
        this.events = new EventChecks(topology);
    }

    Verdict concurrentAdds() throws IOException, InterruptedException, SQLException {
        return consistency.concurrentAdds(clients, 4, 12);
    }

    Verdict doubleCheckout() throws IOException, InterruptedException, SQLException {
        return races.doubleCheckout(6);
    }

    Verdict singleUseCode() throws IOException, InterruptedException, SQLException {
        return races.singleUseCode(3);
    }

    private CheckoutRun checkouts;

    Verdict killedInstance() throws IOException, InterruptedException, SQLException {
        checkouts = new CheckoutRun(api, topology.instances(), CheckoutRun.prepare(api, topology.instances(), 30));
        return consistency.killedInstance(clients, 8, topology.services().size() - 1, checkouts);
    }

    /** After {@link #killedInstance()}: the reservations its checkouts left. */
    Verdict reservationsLeft() throws SQLException, InterruptedException {
        if (checkouts == null) {
            return Verdict.pending("reservations-left", "runs after sigkill-instance, which did not run");
        }
        return consistency.reservationsLeft(checkouts);
    }

    Verdict redisRestart() throws IOException, InterruptedException, SQLException {
        return consistency.redisRestart(clients / 2, 6);
    }

    Verdict kafkaEvents() throws SQLException, InterruptedException {
        return events.exactlyOnceInOrder();
    }

    /** Every check, in order; a check that throws is a failure with the exception's message. */
    List<Verdict> all() throws InterruptedException {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(guarded("concurrent-adds", this::concurrentAdds));
        verdicts.add(guarded("double-checkout", this::doubleCheckout));
        verdicts.add(guarded("single-use-code", this::singleUseCode));
        verdicts.add(guarded("sigkill-instance", this::killedInstance));
        verdicts.add(guarded("reservations-left", this::reservationsLeft));
        verdicts.add(guarded("redis-restart", this::redisRestart));
        verdicts.add(guarded("kafka-exactly-once", this::kafkaEvents));
        return verdicts;
    }

    /** A check as a call that may fail. */
    @FunctionalInterface
    interface Check {
        Verdict run() throws IOException, InterruptedException, SQLException;
    }

    /** Runs a check, prints its verdict as soon as it is known (a run takes minutes), and returns it. */
    static Verdict guarded(String name, Check check) throws InterruptedException {
        Verdict verdict;
        try {
            verdict = check.run();
        } catch (IOException | SQLException | RuntimeException e) {
            verdict = Verdict.of(name, false, java.util.Map.of(), "could not run: " + e);
        }
        System.out.println(java.time.Instant.now() + " " + verdict);
        return verdict;
    }
}
