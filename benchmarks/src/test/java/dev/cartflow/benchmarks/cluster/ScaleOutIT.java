package dev.cartflow.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.benchmarks.servers.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The multi-process check under {@code mvn verify} (Failsafe, after the cart service's executable
 * jar is built): one topology on loopback for the class (PostgreSQL, a three-master Redis Cluster,
 * Kafka, three cart-service processes), each check one test asserting its verdict, with its
 * figures in the message. The order matters: the Kafka check, last, covers every cart the others
 * touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    private static Topology topology;
    private static ScaleOutSuite suite;

    @BeforeAll
    static void startTopology() throws Exception {
        Path work = Files.createTempDirectory("scale-out-it");
        topology = Topology.start(work, ServiceProcess.defaultJar(), ScaleOut.SERVICE_JVM, 3);
        suite = new ScaleOutSuite(topology, 16, 14);
    }

    @AfterAll
    static void stopTopology() throws Exception {
        if (topology != null) {
            topology.close();
        }
    }

    private static void require(Verdict verdict) {
        Assumptions.assumeFalse(verdict.status() == Verdict.Status.PENDING, verdict::toString);
        assertThat(verdict.passed()).as(verdict.toString()).isTrue();
    }

    @Test
    @Order(1)
    void addLines_sixteenClientsThroughThreeInstances_loseNothing() throws Exception {
        require(suite.concurrentAdds());
    }

    @Test
    @Order(2)
    void checkout_sameCartOnTwoInstancesAtOnce_makesOneOrder() throws Exception {
        require(suite.doubleCheckout());
    }

    @Test
    @Order(3)
    void checkout_singleUseCodeRacedOnTwoInstances_redeemedOnce() throws Exception {
        require(suite.singleUseCode());
    }

    @Test
    @Order(4)
    void addLines_instanceKilledMidRunAndRestarted_keepEveryAcknowledgedChange() throws Exception {
        require(suite.killedInstance());
    }

    @Test
    @Order(5)
    void checkout_instanceKilledMidRun_leavesNoReservationHeld() throws Exception {
        require(suite.reservationsLeft());
    }

    /**
     * One Cluster master, then every master, killed and restarted under load: no read older than an
     * acknowledged change (it failed with 2 of 821 reads before the cache had a circuit per master
     * and attempted its updates while a circuit was open; docs/scaling.md, "Stale reads while a
     * Cluster master restarts").
     */
    @Test
    @Order(6)
    void read_redisKilledAndRestartedMidRun_servesNoStaleCart() throws Exception {
        require(suite.redisRestart());
    }

    @Test
    @Order(7)
    void publish_everyEventOfTheRun_reachesKafkaOnceInCartOrder() throws Exception {
        require(suite.kafkaEvents());
    }
}
