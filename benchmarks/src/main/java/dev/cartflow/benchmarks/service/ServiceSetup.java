package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.cartflow.benchmarks.servers.LocalPostgres;
import dev.cartflow.benchmarks.servers.LocalRedis;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One cart service ready for a load suite, as a variant: {@code in-memory} (the default profile:
 * in-memory carts, the demo shop) or {@code postgres-redis} (the {@code postgres} profile on a
 * PostgreSQL and a Redis this driver starts on loopback). The service always runs with the
 * benchmark ceiling endpoint on. Closing stops the service and then the servers.
 */
final class ServiceSetup implements AutoCloseable {
    /** The argument that turns the service's benchmark ceiling endpoint on. */
    static final String CEILING_ON = "--cartservice.benchmark.ceiling-endpoint=true";

    /** The services the suites load. */
    enum Variant {
        IN_MEMORY("in-memory"),
        POSTGRES_REDIS("postgres-redis");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        /** The variant of a label ({@code in-memory}, {@code postgres-redis}). */
        static Variant named(String label) {
            for (Variant variant : values()) {
                if (variant.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                    return variant;
                }
            }
            throw new IllegalArgumentException("unknown variant " + label + "; expected in-memory or postgres-redis");
        }
    }

    private final Variant variant;
    private final ServiceUnderLoad service;
    private final Database database;
    private final AutoCloseable servers;

    private ServiceSetup(Variant variant, ServiceUnderLoad service, Database database, AutoCloseable servers) {
        this.variant = variant;
        this.service = service;
        this.database = database;
        this.servers = servers;
    }

    /**
     * Starts a variant: for {@code postgres-redis} first its servers, then the jar with the
     * {@code postgres} profile pointed at them.
     */
    static ServiceSetup start(Variant variant, Path jar, List<String> jvm, List<String> arguments, Path log)
            throws Exception {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> all = new ArrayList<>(List.of(CEILING_ON,
                // Tomcat's busy threads in /actuator/prometheus, for the stress ramp
                "--server.tomcat.mbeanregistry.enabled=true"));
        all.addAll(arguments);
        if (variant == Variant.IN_MEMORY) {
            return new ServiceSetup(variant, ServiceUnderLoad.start(jar, jvm, all, Map.of(), log), null, null);
        }
        return startOnPostgresAndRedis(jar, jvm, all, log);
    }

    private static ServiceSetup startOnPostgresAndRedis(Path jar, List<String> jvm, List<String> arguments, Path log)
            throws Exception {
        Path work = log.toAbsolutePath().getParent().resolve("servers-" + ProcessHandle.current().pid());
        LocalPostgres postgres = LocalPostgres.start(work, 100);
        LocalRedis redis = null;
        try {
            redis = LocalRedis.start(work);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> environment = Map.of(
                    "CARTSERVICE_POSTGRES_URL", postgres.jdbcUrl(),
                    "CARTSERVICE_POSTGRES_USERNAME", postgres.username(),
                    "CARTSERVICE_POSTGRES_PASSWORD", postgres.password(),
                    "CARTSERVICE_REDIS_URI", redis.uri(),
                    "CARTSERVICE_AUTH_HMAC_KEY", Base64.getEncoder().encodeToString(key));
            List<String> postgresArguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                    // docs/service.md: the first Redis connect (4x this) can fail at 250 ms on a loaded machine
                    "--cartflow.redis.command-timeout=2s"));
            postgresArguments.addAll(arguments);
            ServiceUnderLoad service = ServiceUnderLoad.start(jar, jvm, postgresArguments, environment, log);
            Database database = new Database(postgres.jdbcUrl(), postgres.username(), postgres.password(),
                    "127.0.0.1", postgres.port(), LocalPostgres.DATABASE);
            LocalRedis startedRedis = redis;
            return new ServiceSetup(Variant.POSTGRES_REDIS, service, database, () -> {
                try {
                    startedRedis.close();
                } finally {
                    postgres.close();
                }
            });
        } catch (Exception | Error e) {
            if (redis != null) {
                redis.close();
            }
            postgres.close();
            throw e;
        }
    }

    /** A service already running on loopback, of the variant the caller says it is. */
    static ServiceSetup running(Variant variant, URI url) throws IOException, InterruptedException {
        return new ServiceSetup(variant, ServiceUnderLoad.running(url), null, null);
    }

    Variant variant() {
        return variant;
    }

    URI base() {
        return service.base();
    }

    long pid() {
        return service.pid();
    }

    /** The database of a {@code postgres-redis} variant this driver started, or null. */
    Database database() {
        return database;
    }

    @Override
    public void close() throws Exception {
        try {
            service.close();
        } finally {
            if (servers != null) {
                servers.close();
            }
        }
    }
}
