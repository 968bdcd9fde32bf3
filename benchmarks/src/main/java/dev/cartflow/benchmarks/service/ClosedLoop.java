package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of closed-loop clients against the service: {@code clients} threads, each a
 * {@link Shopper} with its own connection, first warming up (not recorded) and then measuring for
 * at most {@code measure} or {@code maxRequests} actions in all. The work is either the shopper mix
 * or, for the ceiling, GETs of the service's benchmark cart ({@link Shopper#readCeiling()}).
 *
 * @param base        the service
 * @param skus        the products the shoppers add
 * @param mix         the shares of the actions (ignored for the ceiling)
 * @param ceiling     whether the clients only GET the ceiling cart
 * @param seed        the first client's seed (client n uses seed + n)
 * @param maxRequests measured actions at most, over all clients
 */
record ClosedLoop(URI base, List<String> skus, Mix mix, boolean ceiling, long seed, long maxRequests) {

    /** The shopper mix. */
    static ClosedLoop mix(URI base, List<String> skus, Mix mix, long seed, long maxRequests) {
        return new ClosedLoop(base, skus, mix, false, seed, maxRequests);
    }

    /** The same shape, but every action a GET of the ceiling cart. */
    ClosedLoop onCeiling() {
        return new ClosedLoop(base, skus, mix, true, seed, maxRequests);
    }

    /** The same, with another mix. */
    ClosedLoop withMix(Mix other) {
        return new ClosedLoop(base, skus, other, ceiling, seed, maxRequests);
    }

    /** Runs one step and returns what its measured part saw. */
    StepResult run(int clients, Duration warmup, Duration measure) throws Exception {
        String loadBefore = loadAverage();
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long measureEnd = warmupEnd + measure.toNanos();
        AtomicLong actionsLeft = new AtomicLong(maxRequests);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<ClientRun>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long clientSeed = seed + c;
            runs.add(pool.submit(() -> client(clientSeed, warmupEnd, measureEnd, actionsLeft)));
        }
        StepStats stats = new StepStats();
        long lastAnswer = warmupEnd;
        try {
            for (Future<ClientRun> run : runs) {
                ClientRun done = run.get();
                stats.add(done.stats());
                lastAnswer = Math.max(lastAnswer, done.finishedAt());
            }
        } finally {
            pool.shutdownNow();
        }
        return new StepResult(clients, stats, Duration.ofNanos(lastAnswer - warmupEnd), loadBefore, loadAverage());
    }

    private record ClientRun(StepStats stats, long finishedAt) {
    }

    private ClientRun client(long clientSeed, long warmupEnd, long measureEnd, AtomicLong actionsLeft)
            throws InterruptedException {
        SplittableRandom random = new SplittableRandom(clientSeed);
        Shopper shopper = new Shopper(base, skus, random.split());
        while (System.nanoTime() < warmupEnd) {
            act(shopper, random);
        }
        StepStats measured = new StepStats();
        shopper.recordInto(measured);
        while (System.nanoTime() < measureEnd && actionsLeft.getAndDecrement() > 0) {
            act(shopper, random);
        }
        return new ClientRun(measured, System.nanoTime());
    }

    private void act(Shopper shopper, SplittableRandom random) throws InterruptedException {
        if (ceiling) {
            shopper.readCeiling();
        } else {
            shopper.act(mix.next(random));
        }
    }

    /** {@code /proc/loadavg}'s 1-minute figure, or {@code ?} off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }
}
