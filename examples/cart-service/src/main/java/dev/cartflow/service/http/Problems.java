package dev.cartflow.service.http;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.service.auth.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every failure as {@code application/problem+json} with the status {@code ../shared/API.md} gives
 * its code. Nothing internal reaches the body: an internal failure is logged here with its cause
 * and answered with a generic detail.
 */
@RestControllerAdvice
class Problems {
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String TYPE_BASE = "https://cartflow.dev/problems/";

    @ExceptionHandler(CartException.class)
    ResponseEntity<ProblemJson> cart(CartException e, HttpServletRequest request) {
        CartErrorCode code = e.code();
        boolean strict = request.getHeader(HttpHeaders.IF_MATCH) != null;
        HttpStatus status = status(code, strict);
        String detail = switch (code) {
            case INTERNAL -> "an internal error; the service logged it";
            case PROVIDER_UNAVAILABLE -> "a service the cart depends on is unavailable; retry later";
            default -> withoutCode(e.getMessage(), code);
        };
        if (code == CartErrorCode.INTERNAL) {
            // the route's pattern, not the path: a path may hold a customer id
            LOG.error("internal failure on {} {}", request.getMethod(), route(request), e);
        }
        Long current = e.currentVersion().isPresent() ? e.currentVersion().getAsLong() : null;
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(PROBLEM);
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter(e.retryAfter().orElse(Duration.ofSeconds(1))));
        }
        String title = strict && code == CartErrorCode.VERSION_CONFLICT ? "Precondition failed" : title(code.name());
        return answer.body(new ProblemJson(TYPE_BASE + slug(code.name()), title, status.value(), detail, code.name(),
                current, request.getRequestURI()));
    }

    @ExceptionHandler(Unauthenticated.class)
    ResponseEntity<ProblemJson> unauthenticated(Unauthenticated e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(PROBLEM)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(service(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", e.getMessage(), request));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemJson> unreadable(Exception e, HttpServletRequest request) {
        // the framework's message may quote classes or the body: the client gets the gist only
        String detail = e instanceof HttpMessageNotReadableException ? "the request body is not the JSON this call takes"
                : e instanceof MethodArgumentTypeMismatchException mismatch
                        ? "'" + mismatch.getName() + "' is not well formed"
                        : "a required header or parameter is missing";
        return cart(CartException.invalidInput(detail), request);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemJson> notFound(Exception e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(PROBLEM)
                .body(service(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource", request));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemJson> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(PROBLEM)
                .body(service(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                        request.getMethod() + " is not allowed here", request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemJson> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(PROBLEM)
                .body(service(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                        "send application/json", request));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemJson> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(PROBLEM)
                .body(service(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "this resource answers JSON", request));
    }

    @ExceptionHandler(Exception.class)
    @Nullable ResponseEntity<ProblemJson> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client (a browser, a Prometheus scrape past its timeout) hung up: nothing to answer, not a fault here
            LOG.debug("client went away during {} {}", request.getMethod(), route(request));
            return null;
        }
        return cart(CartException.internal("unexpected failure in the service", e), request);
    }

    /** The HTTP status of an engine code; a version conflict is 412 when the caller sent If-Match. */
    static HttpStatus status(CartErrorCode code, boolean strict) {
        return switch (code) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case ACCESS_DENIED -> HttpStatus.FORBIDDEN;
            case CART_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case VERSION_CONFLICT -> strict ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
            case CART_NOT_ACTIVE -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case PROVIDER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case IDEMPOTENCY_KEY_REUSED, PRODUCT_NOT_FOUND, COUNTRY_RESTRICTED, CURRENCY_MISMATCH, INVALID_QUANTITY,
                    QUANTITY_LIMIT, OUT_OF_STOCK, CART_LIMIT, PROMOTION_NOT_FOUND, PROMOTION_EXHAUSTED,
                    SHIPPING_NOT_AVAILABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    private static ProblemJson service(HttpStatus status, String code, String detail, HttpServletRequest request) {
        return new ProblemJson(TYPE_BASE + slug(code), title(code), status.value(), detail, code, null,
                request.getRequestURI());
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? "(unmapped path)" : pattern.toString();
    }

    private static String withoutCode(String message, CartErrorCode code) {
        String prefix = code.name() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String retryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Long.toString(seconds);
    }

    private static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
