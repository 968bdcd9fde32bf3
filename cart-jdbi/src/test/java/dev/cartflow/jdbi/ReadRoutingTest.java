package dev.cartflow.jdbi;

import static dev.cartflow.jdbi.TestCarts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "replica" here is another schema that lags: it holds an older copy of the data, so each read
 * shows which database answered it.
 */
class ReadRoutingTest {

    @Test
    void reads_withReplica_lagTolerantReadsGoToReplicaOthersToPrimary() {
        try (PostgresFixture primaryDb = PostgresFixture.create(2); PostgresFixture replicaDb = PostgresFixture.create(2)) {
            JdbiCartRepository primaryOnly = JdbiCartRepository.create(primaryDb.jdbi);
            JdbiCartRepository replicaOnly = JdbiCartRepository.create(replicaDb.jdbi);
            Cart v1 = TestCarts.addLine(TestCarts.customerCart(CartId.random(), "cust", T0), "a", 1).cart();
            IdempotencyRecord record = new IdempotencyRecord("k", "f", "r", T0.plusSeconds(60));
            replicaOnly.save(new CartWrite(v1, 0, List.of(), null));
            primaryOnly.save(new CartWrite(v1, 0, List.of(), record));
            CartWrite v2 = TestCarts.addLine(v1, "b", 1);
            primaryOnly.save(v2);

            JdbiCartRepository routed = JdbiCartRepository.builder(primaryDb.jdbi).readReplica(replicaDb.jdbi).build();
            var later = T0.plus(Duration.ofDays(365));

            assertThat(routed.find(v1.id())).contains(v2.cart());
            assertThat(routed.findActiveByCustomer(v1.customerId().orElseThrow())).contains(v2.cart());
            assertThat(routed.findIdempotency("k", T0)).contains(record);
            assertThat(routed.findExpiringBefore(later, 10)).containsExactly(v1);
            assertThat(routed.findInactiveSince(later, 10)).containsExactly(v1);
            assertThat(routed.eventsSince(v1.id(), 0)).isEmpty();
            assertThat(primaryOnly.eventsSince(v1.id(), 0)).hasSize(1);
        }
    }
}
