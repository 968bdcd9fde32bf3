package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A client that hangs up mid-answer (a Prometheus scrape past its timeout, a closed browser tab) is not a
 * service failure: no 500 is attempted on the dead connection and nothing is logged as an error.
 */
class ClientDisconnectTest {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Problems.class);
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void disconnectedClient_noAnswerAndNoErrorLogged() {
        ResponseEntity<ProblemJson> answer = new Problems().unexpected(
                new AsyncRequestNotUsableException("ServletOutputStream failed to flush: Broken pipe"), request);

        assertThat(answer).isNull();
        assertThat(lines.list).noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void brokenPipeFromTheContainer_isAClientDisconnectToo() {
        ResponseEntity<ProblemJson> answer = new Problems().unexpected(new IOException("Broken pipe"), request);

        assertThat(answer).isNull();
    }

    @Test
    void anyOtherFailure_isStillAnInternal500AndLogged() {
        ResponseEntity<ProblemJson> answer = new Problems().unexpected(new IllegalStateException("a bug"), request);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().code()).isEqualTo("INTERNAL");
        assertThat(lines.list).anyMatch(line -> line.getLevel() == Level.ERROR);
    }
}
