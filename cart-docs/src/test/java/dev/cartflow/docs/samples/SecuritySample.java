package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryAuditLog;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.spi.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The samples of docs/security.md: how a guest token is kept, and what someone without the right one sees. */
class SecuritySample {
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final CartEngine engine = CartEngine.builder()
            .repository(repository).catalog(new InMemoryCatalog()).pricing(new InMemoryPricing())
            .audit(audit)
            .build();

    @Test
    void createGuestCart_tokenOf256RandomBits_onlyItsSha256Stored() throws NoSuchAlgorithmException {
        // tag::token[]
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        String token = created.token();             // hand it to the client once (Cart-Token); keep no copy
        CartOwner.Guest owner = (CartOwner.Guest) repository.find(created.cart().id()).orElseThrow().owner();
        String stored = owner.tokenHash();           // what the store holds: the hex SHA-256 of the token
        // end::token[]

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(digest)).doesNotContain(token);
        assertThat(engine.get(Actor.guest(token), created.cart().id()).id()).isEqualTo(created.cart().id());
    }

    @Test
    void get_strangerOnAnotherCartOrOnNoCart_sameAccessDeniedAndSupportSeesNotFound() {
        CartId cartId = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        CreatedCart otherCart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        // tag::no-oracle[]
        Actor stranger = Actor.guest(otherCart.token());           // a valid token, of another cart
        CartException onSomeoneElses = catchThrowableOfType(CartException.class, () -> engine.get(stranger, cartId));
        CartException onNoCart = catchThrowableOfType(CartException.class, () -> engine.get(stranger, CartId.random()));
        // both ACCESS_DENIED, message "not allowed": the answer does not tell whether the cart exists
        // end::no-oracle[]

        assertThat(onSomeoneElses.code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
        assertThat(onNoCart.code()).isEqualTo(onSomeoneElses.code());
        assertThat(onNoCart.getMessage()).isEqualTo(onSomeoneElses.getMessage());
        CartException forSupport = catchThrowableOfType(CartException.class,
                () -> engine.get(Actor.support("agent-1", "ticket 7"), CartId.random()));
        assertThat(forSupport.code()).isEqualTo(CartErrorCode.CART_NOT_FOUND);
        assertThat(audit.events()).extracting(AuditEvent::outcome).contains(AuditEvent.Outcome.DENIED);
        assertThat(audit.events().toString()).doesNotContain(otherCart.token());
    }
}
