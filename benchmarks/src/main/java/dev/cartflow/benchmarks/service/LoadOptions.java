package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The HTTP load's parameters, each {@code --name=value} on the command line, with the defaults of the
 * issue: per variant, after 30 s of warming the service up at the largest client count, steps of 1, 4
 * and 16 clients, each 10 s of warm-up and then 20 s measured or {@code max-requests} measured
 * actions, whichever comes first; then the ceilings at the same client counts.
 *
 * @param jar           the executable jar to start (ignored with {@code url})
 * @param url           a service already running on loopback, or null to start the jar
 * @param serviceWarmup the unmeasured run at the largest client count before the first step
 * @param clients       the concurrent clients of each step
 * @param warmup        each step's unmeasured warm-up
 * @param measure       each step's measured time at most
 * @param maxRequests   each step's measured requests at most
 * @param mix           the shares of reads, line changes and checkouts
 * @param seed          the first client's random seed (client n uses seed + n)
 * @param skus          the products to add, or empty to take them from {@code GET /products}
 * @param serviceJvm    JVM options for the started service
 * @param serviceLog    where the started service's output goes
 * @param variants      the services to load ({@code in-memory}, {@code postgres-redis}), in order
 * @param ceilings      whether to run the ceilings (the trivial endpoint, pgbench) beside the mix
 * @param pgbench       the pgbench to run, or null to find it
 * @param serviceArgs   further Spring Boot arguments for the started service
 */
record LoadOptions(Path jar, URI url, Duration serviceWarmup, List<Integer> clients, Duration warmup,
                   Duration measure, long maxRequests, Mix mix, long seed, List<String> skus, List<String> serviceJvm,
                   Path serviceLog, List<ServiceSetup.Variant> variants, boolean ceilings, String pgbench,
                   List<String> serviceArgs) {
    private static final Set<String> NAMES = Set.of("jar", "url", "clients", "warmup", "measure", "max-requests",
            "mix", "seed", "skus", "service-jvm", "service-log", "service-warmup", "variants", "ceilings", "pgbench",
            "service-args");

    /** Parses {@code --name=value} arguments; an unknown name is an error, so a typo never runs silently. */
    static LoadOptions parse(String... args) throws IOException {
        Args given = Args.parse(NAMES, args);
        URI url = given.has("url") ? URI.create(given.text("url", "")) : null;
        Path jar = url == null || given.has("jar") ? given.jar() : null;
        List<ServiceSetup.Variant> variants = given.list("variants").isEmpty()
                ? List.of(ServiceSetup.Variant.IN_MEMORY, ServiceSetup.Variant.POSTGRES_REDIS)
                : given.list("variants").stream().map(ServiceSetup.Variant::named).toList();
        if (url != null && variants.size() > 1 && given.has("variants")) {
            throw new IllegalArgumentException("--url= is one running service: pass one --variants= naming it");
        }
        if (url != null && !given.has("variants")) {
            variants = List.of(ServiceSetup.Variant.IN_MEMORY);
        }
        return new LoadOptions(jar, url, given.duration("service-warmup", "30"), given.counts("clients", "1,4,16"),
                given.duration("warmup", "10"), given.duration("measure", "20"),
                given.number("max-requests", 500_000), Mix.parse(given.text("mix", "70,25,5")),
                given.number("seed", 42), given.list("skus"), given.words("service-jvm"),
                Path.of(given.text("service-log", "benchmarks/target/service-load-service.log")), variants,
                Boolean.parseBoolean(given.text("ceilings", "true")), given.has("pgbench") ? given.text("pgbench", "")
                : null, given.words("service-args"));
    }
}
