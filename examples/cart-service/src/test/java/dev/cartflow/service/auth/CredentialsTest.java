package dev.cartflow.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final HmacTokenVerifier tokens = new HmacTokenVerifier(KEY, NOW);
    private final ActorResolver actors = new ActorResolver(tokens, Map.of("orders", "order-key"));

    @Test
    void from_headers_readsEachCredentialAndStripsTheBearerScheme() {
        Map<String, String> headers = Map.of("Cart-Token", "t1", "Authorization", "Bearer abc.def",
                "X-Api-Key", "k", "Cart-Share-Token", "s");
        Credentials credentials = Credentials.from(headers::get);

        assertThat(credentials).isEqualTo(new Credentials("t1", "abc.def", "k", "s"));
        assertThat(credentials.toString()).doesNotContain("t1").doesNotContain("abc.def").doesNotContain("s]");
        assertThat(Credentials.from(name -> null).isEmpty()).isTrue();
    }

    @Test
    void verify_mintedTokens_customerAndStaffRoundTrip() {
        assertThat(tokens.verify(tokens.mint(new Principal.Customer("c-1"), Duration.ofMinutes(1))))
                .contains(new Principal.Customer("c-1"));
        assertThat(tokens.verify(tokens.mint(new Principal.Staff("a-7", "T-1", true), Duration.ofMinutes(1))))
                .contains(new Principal.Staff("a-7", "T-1", true));
    }

    @Test
    void verify_expiredForgedOrOtherKeyTokens_empty() {
        String expired = tokens.mint(new Principal.Customer("c-1"), Duration.ofSeconds(-1));
        String valid = tokens.mint(new Principal.Customer("c-1"), Duration.ofMinutes(1));
        HmacTokenVerifier otherKey = new HmacTokenVerifier(
                Base64.getDecoder().decode(Base64.getEncoder().encodeToString(new byte[32])), NOW);
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA";

        assertThat(tokens.verify(expired)).isEmpty();
        assertThat(tokens.verify(tampered)).isEmpty();
        assertThat(otherKey.verify(valid)).isEmpty();
        assertThat(tokens.verify("not a jwt")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }

    @Test
    void actor_eachCredential_theMatchingEngineActorStrongestFirst() {
        String customer = tokens.mint(new Principal.Customer("c-9"), Duration.ofMinutes(1));
        String staff = tokens.mint(new Principal.Staff("a-1", "T-2", false), Duration.ofMinutes(1));

        assertThat(actors.actor(new Credentials("g", null, null, null))).isEqualTo(Actor.guest("g"));
        assertThat(actors.actor(new Credentials(null, null, null, "share"))).isEqualTo(Actor.participant("share"));
        assertThat(actors.actor(new Credentials("g", customer, null, null)))
                .isEqualTo(Actor.customer(new dev.cartflow.model.CustomerId("c-9")));
        assertThat(actors.actor(new Credentials(null, staff, null, null))).isEqualTo(Actor.support("a-1", "T-2"));
        assertThat(actors.actor(new Credentials("g", customer, "order-key", null))).isEqualTo(Actor.service("orders"));
    }

    @Test
    void actor_badOrMissingCredential_unauthenticatedNeverAWeakerFallback() {
        assertThatThrownBy(() -> actors.actor(Credentials.none())).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> actors.actor(new Credentials("g", "forged", null, null)))
                .isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> actors.actor(new Credentials("g", null, "wrong-key", null)))
                .isInstanceOf(Unauthenticated.class).hasMessageNotContaining("wrong-key");
    }

    @Test
    void constructor_shortKey_refused() {
        assertThatThrownBy(() -> new HmacTokenVerifier(new byte[16], NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
