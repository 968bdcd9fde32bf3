package dev.cartflow.service.events;

import dev.cartflow.service.openapi.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import dev.cartflow.core.CartEngine;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.service.auth.ActorResolver;
import dev.cartflow.service.auth.Credentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /carts/{id}/events/stream}: the cart's events live, as server-sent events. Everything
 * that can refuse the call (credentials, access, a malformed last event id, the stream cap) is
 * checked before the stream starts, so a refusal is an ordinary problem answer.
 */
@RestController
class CartEventStreamResource {
    /** The header a reconnecting EventSource sends with the id of the last message it received. */
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private static final Logger LOG = LoggerFactory.getLogger(CartEventStreamResource.class);
    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

    private final CartEngine engine;
    private final ActorResolver actors;
    private final CartEventFeed feed;
    private final EventStreams streams;

    CartEventStreamResource(CartEngine engine, ActorResolver actors, CartEventFeed feed, EventStreams streams) {
        this.engine = engine;
        this.actors = actors;
        this.feed = feed;
        this.streams = streams;
    }

    /**
     * The stream. The query parameters carry what a browser's EventSource cannot send as headers;
     * a header, when present, wins (a reconnecting EventSource sends a newer Last-Event-ID header
     * while its URL keeps the first lastEventId).
     */
    @Operation(summary = "Follow the cart's events live (server-sent events)")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 429, 500, 503})
    @GetMapping(path = "/carts/{id}/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String id,
                      @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventId,
                      @RequestParam(name = "token", required = false) @Nullable String token,
                      @RequestParam(name = "access_token", required = false) @Nullable String accessToken,
                      @RequestParam(name = "share_token", required = false) @Nullable String shareToken,
                      HttpServletRequest request, HttpServletResponse response) {
        CartId cartId = CartId.parse(id);
        Actor actor = actors.actor(Credentials.from(name -> {
            String header = request.getHeader(name);
            if (header != null && !header.isBlank()) {
                return header;
            }
            return switch (name) {
                case Credentials.CART_TOKEN -> token;
                case Credentials.AUTHORIZATION -> accessToken == null || accessToken.isBlank() ? null
                        : "Bearer " + accessToken;
                case Credentials.SHARE_TOKEN -> shareToken;
                default -> null;
            };
        }));
        String resumeFrom = request.getHeader(LAST_EVENT_ID);
        if (resumeFrom == null || resumeFrom.isBlank()) {
            resumeFrom = lastEventId;
        }
        // without a last event id the stream starts live; reading the cart is also the access check
        long after = resumeFrom == null || resumeFrom.isBlank() ? engine.get(actor, cartId).version()
                : version(resumeFrom);
        CartEventStream stream = streams.open(after);
        try {
            stream.start(feed.subscribe(actor, cartId, after, stream));
        } catch (RuntimeException e) {
            stream.discard();
            throw e;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // nginx and similar proxies buffer responses unless told otherwise, which would hold events back
        response.setHeader("X-Accel-Buffering", "no");
        return stream.emitter();
    }

    /**
     * A client that hung up: nothing to answer (the response is a started event stream), and not
     * a failure of the service, so it must not reach the general problem handler.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void disconnected(AsyncRequestNotUsableException e, HttpServletResponse response) {
        LOG.debug("an event stream's client went away");
    }

    private static long version(String lastEventId) {
        String trimmed = lastEventId.trim();
        if (!VERSION.matcher(trimmed).matches()) {
            throw CartException.invalidInput("the last event id must be a cart version, such as 3");
        }
        return Long.parseLong(trimmed);
    }
}
