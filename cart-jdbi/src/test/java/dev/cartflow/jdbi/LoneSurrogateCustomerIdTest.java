package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression: PostgreSQL stores an unpaired UTF-16 surrogate as {@code ?}, so customer ids that
 * differed only there became one and a customer read another's cart. Such ids are now refused.
 */
class LoneSurrogateCustomerIdTest {
    private static PostgresFixture db;
    private static CartEngine engine;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(2);
        engine = CartEngine.builder().repository(JdbiCartRepository.create(db.jdbi)).catalog(new InMemoryCatalog())
                .pricing(new InMemoryPricing()).build();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void server_loneSurrogate_storedAsQuestionMark() {
        // the mechanism of the defect, on this server: why the model must refuse such text
        String stored = db.jdbi.withHandle(h -> h.createQuery("SELECT CAST(:v AS text)").bind("v", "mallory\ud800")
                .mapTo(String.class).one());
        assertThat(stored).isEqualTo("mallory?");
    }

    @Test
    void createCustomerCart_idsDifferingOnlyByLoneSurrogate_refusedSoNoCustomerReadsAnothersCart() {
        Actor service = Actor.service("sign-in");
        CustomerId victim = new CustomerId("mallory?");
        Cart victimCart = engine.createCustomerCart(Actor.customer(victim), victim, NewCart.of("EUR", "DE"));

        for (String attacker : new String[] {"mallory\ud800", "mallory\udfff", "mallory\udbff"}) {
            assertThatThrownBy(() -> engine.createCustomerCart(service, new CustomerId(attacker), NewCart.of("EUR", "DE")))
                    .isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
            assertThatThrownBy(() -> engine.activeCart(service, new CustomerId(attacker)))
                    .isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        }

        assertThat(engine.activeCart(service, victim)).contains(victimCart);
        assertThat(db.count("SELECT count(*) FROM carts")).isEqualTo(1);
    }
}
