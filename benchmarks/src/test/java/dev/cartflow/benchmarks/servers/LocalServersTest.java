package dev.cartflow.benchmarks.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's servers on loopback: they start, answer, and come back after a kill on the same port. */
class LocalServersTest {
    @TempDir
    Path work;

    @Test
    void start_postgres_answersOnLoopbackInItsDatabase() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(work, 20);
             Connection connection = postgres.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database(), inet_server_addr()::text")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(LocalPostgres.DATABASE);
            assertThat(row.getString(2)).startsWith("127.0.0.1");
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/cartflow");
        }
    }

    @Test
    void restart_killedRedis_answersOnTheSamePortEmpty() throws Exception {
        try (LocalRedis redis = LocalRedis.start(work)) {
            RedisClient client = RedisClient.create(redis.uri());
            try {
                try (StatefulRedisConnection<String, String> before = client.connect()) {
                    before.sync().set("k", "v");
                }
                redis.kill();
                assertThat(redis.alive()).isFalse();
                redis.restart();
                try (StatefulRedisConnection<String, String> after = client.connect()) {
                    assertThat(after.sync().get("k")).isNull();
                    assertThat(after.sync().ping()).isEqualTo("PONG");
                }
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void restart_killedClusterMaster_clusterOkAgainWithItsSlots() throws Exception {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(work)) {
            // a key of the first master's slots, so that it is gone with that master's data
            String lost = firstKeyOf(0, cluster.size());
            String kept = firstKeyOf(1, cluster.size());
            onCluster(cluster, connection -> {
                connection.sync().set(lost, "x");
                return connection.sync().set(kept, "y");
            });
            cluster.kill(0);
            cluster.restart(0);
            for (String uri : cluster.nodeUris()) {
                assertThat(adminInfo(uri)).contains("cluster_state:ok").contains("cluster_known_nodes:3");
            }
            String lostValue = onCluster(cluster, connection -> connection.sync().get(lost));
            String keptValue = onCluster(cluster, connection -> connection.sync().get(kept));
            assertThat(lostValue).isNull();
            assertThat(keptValue).isEqualTo("y");
        }
    }

    private static <T> T onCluster(LocalRedisCluster cluster,
                                   java.util.function.Function<StatefulRedisClusterConnection<String, String>, T> commands) {
        RedisClusterClient client = RedisClusterClient.create(cluster.nodeUris().get(1));
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            return commands.apply(connection);
        } finally {
            client.shutdown();
        }
    }

    private static String firstKeyOf(int node, int nodes) {
        for (int i = 0; ; i++) {
            String key = "probe-" + i;
            if (SlotHash.getSlot(key) < LocalRedisCluster.SLOTS * (node + 1) / nodes
                    && SlotHash.getSlot(key) >= LocalRedisCluster.SLOTS * node / nodes) {
                return key;
            }
        }
    }

    private static String adminInfo(String uri) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().clusterInfo();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void start_kafka_deliversWhatIsProduced() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(2, "probe")) {
            Properties producer = new Properties();
            producer.put("bootstrap.servers", kafka.bootstrapServers());
            try (KafkaProducer<String, String> out = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
                out.send(new ProducerRecord<>("probe", "cart", "hello")).get();
            }
            Properties consumer = new Properties();
            consumer.put("bootstrap.servers", kafka.bootstrapServers());
            consumer.put("group.id", "probe-check");
            consumer.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> in = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
                in.subscribe(List.of("probe"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                String seen = null;
                while (seen == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = in.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        seen = records.iterator().next().value();
                    }
                }
                assertThat(seen).isEqualTo("hello");
            }
        }
    }
}
