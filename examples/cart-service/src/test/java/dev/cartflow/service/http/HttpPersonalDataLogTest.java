package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cartflow.service.CartServiceApplication;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** A whole customer flow, failures included, logs no customer id, token or e-mail in clear. */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cartservice.demo.enabled=false", "logging.level.dev.cartflow=DEBUG"})
@Import(TestShop.class)
class HttpPersonalDataLogTest {
    private static final String CUSTOMER = "alice.personal@example.com";

    @LocalServerPort
    int port;
    @Autowired
    HmacTokenVerifier tokens;

    @Test
    void customerFlowWithFailures_noPersonalDataInAnyLogLine() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        lines.start();
        root.addAppender(lines);
        Api api = new Api(port);
        String bearer = tokens.mint(new Principal.Customer(CUSTOMER), Duration.ofMinutes(5));
        String[] auth = {"Authorization", "Bearer " + bearer};
        Api.Guest guest;
        try {
            String id = api.post("/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}", auth).json().get("id").asText();
            api.post("/carts/" + id + "/lines", "{\"sku\":\"MUG\",\"quantity\":1}", auth);
            api.post("/carts/" + id + "/lines", "{\"sku\":\"BUG\",\"quantity\":1}", auth);
            api.post("/carts/" + id + "/lines", "{\"sku\":\"DOWN\",\"quantity\":1}", auth);
            api.get("/customers/" + CUSTOMER + "/cart", auth);
            guest = api.guest("EUR", "DE");
            api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}", guest.auth());
            api.post(guest.path("/merge"), null, guest.auth(auth));
            api.post("/carts/" + id + "/checkout", null, auth);
        } finally {
            root.detachAppender(lines);
        }

        assertThat(lines.list).isNotEmpty();
        for (ILoggingEvent line : lines.list) {
            String text = line.getFormattedMessage() + (line.getThrowableProxy() == null ? ""
                    : line.getThrowableProxy().getMessage());
            assertThat(text).doesNotContain(CUSTOMER).doesNotContain("alice.personal").doesNotContain(bearer)
                    .doesNotContain(guest.token());
        }
    }
}
