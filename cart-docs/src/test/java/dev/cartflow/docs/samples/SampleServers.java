package dev.cartflow.docs.samples;

import dev.cartflow.jdbi.CartFlowSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.embedded.RedisServer;

/**
 * The real servers some samples run against, each started on first use on a free loopback port and
 * stopped when the test JVM exits: one embedded PostgreSQL (each caller gets a schema of its own), one
 * embedded Redis, one KRaft Kafka broker. Samples that only show wiring start none.
 */
final class SampleServers {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static String redisUri;
    private static String kafkaServers;
    private static DataSource sharedSchema;

    private SampleServers() {
    }

    /** A data source on a new, empty schema of the shared PostgreSQL. */
    static synchronized DataSource newPostgresSchema() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        }
        String schema = "sample_" + SCHEMAS.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        source.setCurrentSchema(schema);
        return source;
    }

    /**
     * A data source on one schema with the CartFlow tables, shared by the samples whose carts (random
     * ids) cannot disturb each other; migrating once saves each of them the migration.
     */
    static synchronized DataSource sharedMigratedSchema() {
        if (sharedSchema == null) {
            DataSource source = newPostgresSchema();
            CartFlowSchema.of(source).migrate();
            sharedSchema = source;
        }
        return sharedSchema;
    }

    /** The URI of the shared Redis. */
    static synchronized String redisUri() {
        if (redisUri == null) {
            int port = freePort();
            try {
                RedisServer server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (IOException e) {
                        // the JVM is exiting
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            redisUri = "redis://127.0.0.1:" + port;
        }
        return redisUri;
    }

    /** The bootstrap servers of the shared Kafka broker (topics are created on first use). */
    static synchronized String kafkaBootstrapServers() {
        if (kafkaServers == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0",
                    "auto.create.topics.enable", "true"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
            kafkaServers = broker.getBrokersAsString();
        }
        return kafkaServers;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
