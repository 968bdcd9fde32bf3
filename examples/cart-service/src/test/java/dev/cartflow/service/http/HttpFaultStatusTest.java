package dev.cartflow.service.http;

import static dev.cartflow.service.http.HttpErrorStatusTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.service.CartServiceApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The statuses nobody's input causes: a version-conflict storm (409), a rate limit (429), a failing
 * price source (503) and a bug (500); each a problem with nothing internal in it, the waiting ones
 * with {@code Retry-After}.
 */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cartservice.demo.enabled=false",
                "cartflow.rate-limits.per-cart.apply-code.capacity=2",
                "cartflow.rate-limits.per-cart.apply-code.period=1h"})
@Import({TestShop.class, HttpFaultStatusTest.Store.class})
class HttpFaultStatusTest {
    @TestConfiguration(proxyBeanMethods = false)
    static class Store {
        @Bean
        ConflictingRepository conflictingRepository() {
            return new ConflictingRepository();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ConflictingRepository repository;
    Api api;
    Api.Guest guest;

    @BeforeEach
    void cart() {
        api = new Api(port);
        guest = api.guest("EUR", "DE");
    }

    @Test
    void conflictStormWithoutIfMatch_409VersionConflictWithTheCurrentVersion() {
        repository.conflicting.set(true);
        try {
            JsonNode body = problem(api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth()),
                    409, "VERSION_CONFLICT");
            assertThat(body.has("currentVersion")).isTrue();
        } finally {
            repository.conflicting.set(false);
        }
        assertThat(api.get(guest.path(""), guest.auth()).json().get("lines")).isEmpty();
    }

    @Test
    void overTheRateLimit_429WithRetryAfter() {
        api.post(guest.path("/codes"), "{\"code\":\"WELCOME10\"}", guest.auth());
        api.call("DELETE", guest.path("/codes/WELCOME10"), null, guest.auth());
        api.post(guest.path("/codes"), "{\"code\":\"WELCOME10\"}", guest.auth());

        Api.Answer limited = api.post(guest.path("/codes"), "{\"code\":\"ONCE\"}", guest.auth());

        problem(limited, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void priceSourceDown_503WithRetryAfterAndNoInternals() {
        Api.Answer down = api.post(guest.path("/lines"), "{\"sku\":\"DOWN\",\"quantity\":1}", guest.auth());

        problem(down, 503, "PROVIDER_UNAVAILABLE");
        assertThat(down.header("Retry-After")).isPresent();
        assertThat(down.body()).doesNotContain("unreachable").doesNotContain("IllegalStateException");
    }

    @Test
    void bugInAComponent_500InternalWithAGenericDetail() {
        Api.Answer bug = api.post(guest.path("/lines"), "{\"sku\":\"BUG\",\"quantity\":1}", guest.auth());

        problem(bug, 500, "INTERNAL");
        assertThat(bug.body()).doesNotContain("com.example").doesNotContain("line 42");
    }
}
