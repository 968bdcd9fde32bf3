package dev.cartflow.service.http;

import dev.cartflow.error.CartErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded number of API requests in the service at once: a request on a guarded path takes a
 * permit, waiting at most a short time for one, and without a permit it is answered at once with
 * {@code 503} {@code application/problem+json} (code {@code PROVIDER_UNAVAILABLE}, API.md's code for 503; the detail says the instance is full) and {@code Retry-After},
 * instead of queueing in Tomcat's threads and the connection pool until the client times out.
 * Actuator, the page and the live event streams (long-lived by design) are never limited, so
 * health and metrics stay readable under overload.
 */
final class LoadShedding extends OncePerRequestFilter {
    // API.md's one code for 503: the client's reaction (retry after the delay) is the same as for a
    // provider outage, and a code outside the table would break clients written against it
    static final String CODE = CartErrorCode.PROVIDER_UNAVAILABLE.name();
    private static final String TYPE = "https://cartflow.dev/problems/overloaded";

    private final int maxConcurrent;
    private final Semaphore permits;
    private final long queueWaitNanos;
    private final String retryAfterSeconds;
    private final List<PathPattern> guarded;
    private final List<PathPattern> exempt;
    private final JsonMapper json;
    private final Counter shed;

    LoadShedding(LoadSheddingConfiguration.Settings settings, JsonMapper json, MeterRegistry registry) {
        this.maxConcurrent = settings.maxConcurrent();
        // fair: the requests that waited longest get the permits first, so the short wait is a queue
        this.permits = new Semaphore(maxConcurrent, true);
        this.queueWaitNanos = settings.queueWait().toNanos();
        this.retryAfterSeconds = Long.toString(Math.max(1, (settings.retryAfter().toMillis() + 999) / 1000));
        this.guarded = patterns(settings.paths());
        this.exempt = patterns(settings.exemptPaths());
        this.json = json;
        this.shed = Counter.builder("cartservice.http.shed")
                .description("API requests answered 503 at the concurrency limit").register(registry);
        Gauge.builder("cartservice.http.in.flight", this, LoadShedding::inFlight)
                .description("API requests holding a load-shedding permit").register(registry);
        Gauge.builder("cartservice.http.concurrency.limit", this, filter -> filter.maxConcurrent)
                .description("the load-shedding concurrency limit").register(registry);
    }

    private static List<PathPattern> patterns(List<String> paths) {
        return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** Requests holding a permit now. */
    int inFlight() {
        return maxConcurrent - permits.availablePermits();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return guarded.stream().noneMatch(p -> p.matches(path)) || exempt.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the container is stopping this thread: answer, do not wait
            admitted = false;
        }
        if (!admitted) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        shed.increment();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        response.setContentType(Problems.PROBLEM.toString());
        json.writeValue(response.getOutputStream(), new ProblemJson(TYPE, "Overloaded",
                HttpStatus.SERVICE_UNAVAILABLE.value(),
                "the service is at its concurrency limit; retry after the Retry-After seconds", CODE, null,
                request.getRequestURI()));
    }
}
