package dev.cartflow.benchmarks.cluster;

import dev.cartflow.benchmarks.servers.LocalKafka;
import dev.cartflow.benchmarks.servers.LocalPostgres;
import dev.cartflow.benchmarks.servers.LocalRedisCluster;
import dev.cartflow.benchmarks.servers.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The multi-process topology on loopback: one PostgreSQL, a three-master Redis Cluster, one Kafka
 * broker and three cart-service processes on the {@code postgres} profile sharing them, one token
 * key and one order-service API key. The services get the cluster through
 * {@code --cartflow.redis.cluster-nodes} (which wins over the profile's {@code cartflow.redis.uri})
 * and the broker through {@code CARTSERVICE_KAFKA_BOOTSTRAP_SERVERS}.
 */
final class Topology implements AutoCloseable {
    /** The topic the services' outbox publishes to (the kafka part's default). */
    static final String TOPIC = "cartflow.cart-events";
    /** Partitions of the topic: more than one, so that per-cart order is a property of the key. */
    static final int PARTITIONS = 3;
    /** How long an unconfirmed checkout's reservation is held before the sweeper may release it. */
    static final Duration RESERVATION_HOLD = Duration.ofSeconds(10);
    /** How often the leading instance's reservations job runs. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(2);

    private final LocalPostgres postgres;
    private final LocalRedisCluster redis;
    private final LocalKafka kafka;
    private final List<ServiceProcess> services;
    private final String hmacKey;
    private final String orderServiceKey;
    private final Path jar;

    private Topology(LocalPostgres postgres, LocalRedisCluster redis, LocalKafka kafka, List<ServiceProcess> services,
                     String hmacKey, String orderServiceKey, Path jar) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
        this.services = List.copyOf(services);
        this.hmacKey = hmacKey;
        this.orderServiceKey = orderServiceKey;
        this.jar = jar;
    }

    /**
     * Starts everything, the three services at once (on 2 cores a start is mostly JIT and class
     * loading, which overlap well with the others' waits).
     */
    static Topology start(Path work, Path jar, List<String> serviceJvm, int instances)
            throws IOException, InterruptedException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String hmacKey = Base64.getEncoder().encodeToString(key);
        String orderServiceKey = UUID.randomUUID().toString();
        LocalPostgres postgres = null;
        LocalRedisCluster redis = null;
        LocalKafka kafka = null;
        List<ServiceProcess> services = new ArrayList<>();
        try {
            postgres = LocalPostgres.start(work, 100);
            redis = LocalRedisCluster.start(work);
            kafka = LocalKafka.start(PARTITIONS, TOPIC);
            ExecutorService starting = Executors.newFixedThreadPool(instances);
            try {
                List<Future<ServiceProcess>> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    ServiceProcess.Builder builder = ServiceProcess.builder(jar).profile("postgres")
                            .jvmOptions(serviceJvm)
                            // three JVMs starting at once on a shared 2-core machine: at a load average of 40 one
                            // took over 3 minutes
                            .readyTimeout(Duration.ofMinutes(6))
                            .log(work.resolve("cart-service-" + i + ".log"))
                            .environment("CARTSERVICE_POSTGRES_URL", postgres.jdbcUrl())
                            .environment("CARTSERVICE_POSTGRES_USERNAME", postgres.username())
                            .environment("CARTSERVICE_POSTGRES_PASSWORD", postgres.password())
                            .environment("CARTSERVICE_AUTH_HMAC_KEY", hmacKey)
                            .environment("CARTSERVICE_ORDER_SERVICE_API_KEY", orderServiceKey)
                            .environment("CARTSERVICE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                            // the first connect to Redis on a loaded 2-core machine (docs/service.md): with
                            // 2 s it timed out at a load average of 37
                            .environment("CARTFLOW_REDIS_COMMAND_TIMEOUT", "5s")
                            .arguments(List.of("--cartflow.redis.cluster-nodes=" + redis.clusterNodesProperty(),
                                    "--logging.structured.format.console=",
                                    // reservations left by a killed checkout are released after a short hold
                                    // (the reserve part's JdbiStockReservations and its job), not 15 minutes
                                    "--cartflow.jdbi.stock-reservations.hold=" + RESERVATION_HOLD.toSeconds() + "s",
                                    "--cartflow.jobs.reservations.interval=" + SWEEP_INTERVAL.toSeconds() + "s"));
                    started.add(starting.submit(() -> startWithOneRetry(builder)));
                }
                for (Future<ServiceProcess> service : started) {
                    services.add(get(service));
                }
            } finally {
                starting.shutdownNow();
            }
            return new Topology(postgres, redis, kafka, services, hmacKey, orderServiceKey, jar);
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (ServiceProcess service : services) {
                service.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (redis != null) {
                redis.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    /** A start that failed on a busy machine (a connect timing out) gets one more try, on new ports. */
    private static ServiceProcess startWithOneRetry(ServiceProcess.Builder builder) throws IOException, InterruptedException {
        try {
            return builder.start();
        } catch (IOException first) {
            System.err.println("a cart service did not start (" + first.getMessage() + "); trying once more");
            return builder.start();
        }
    }

    private static ServiceProcess get(Future<ServiceProcess> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("a cart service did not start", e.getCause());
        }
    }

    LocalPostgres postgres() {
        return postgres;
    }

    LocalRedisCluster redis() {
        return redis;
    }

    LocalKafka kafka() {
        return kafka;
    }

    List<ServiceProcess> services() {
        return services;
    }

    /** The instances' base URIs, in order. */
    List<URI> instances() {
        return services.stream().map(ServiceProcess::base).toList();
    }

    /** A customer's bearer token, minted by the jar's {@code mint-token} with the shared key. */
    String customerToken(String customerId) throws IOException, InterruptedException {
        return ServiceProcess.runCommand(jar, List.of("mint-token", "--customer=" + customerId, "--lifetime=PT1H"),
                Map.of("CARTSERVICE_AUTH_HMAC_KEY", hmacKey));
    }

    /** The order service's API key, as the services were started with. */
    String orderServiceKey() {
        return orderServiceKey;
    }

    /** How long each service took to get ready (its last start). */
    List<Duration> startups() {
        return services.stream().map(ServiceProcess::lastStartup).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.close();
        }
        kafka.close();
        redis.close();
        postgres.close();
    }
}
