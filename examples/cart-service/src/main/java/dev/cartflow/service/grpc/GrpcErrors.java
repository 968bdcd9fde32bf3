package dev.cartflow.service.grpc;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.service.auth.Unauthenticated;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a call as a gRPC status with a {@code google.rpc.ErrorInfo} whose reason is the
 * engine's stable code, as {@code shared/API.md} says. Nothing internal reaches the client: an
 * internal failure is logged here with its cause and answered with a generic message.
 */
final class GrpcErrors {
    /** The ErrorInfo domain of every CartFlow error. */
    static final String DOMAIN = "cartflow.dev";
    /** The ErrorInfo metadata key of the cart's current version. */
    static final String CURRENT_VERSION = "currentVersion";
    /** The ErrorInfo reason of a call without (verifiable) credentials. */
    static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    /** The status exception to answer a failure with. */
    static StatusRuntimeException of(Throwable failure, String method) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof Unauthenticated unauthenticated) {
            return answer(Status.Code.UNAUTHENTICATED, unauthenticated.getMessage(),
                    ErrorInfo.newBuilder().setReason(UNAUTHENTICATED).setDomain(DOMAIN).build(), null);
        }
        CartException cart = failure instanceof CartException e ? e
                : CartException.internal("unexpected failure in the service", failure);
        CartErrorCode code = cart.code();
        if (code == CartErrorCode.INTERNAL) {
            LOG.error("internal failure on gRPC {}", method, cart);
        }
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(code.name()).setDomain(DOMAIN);
        cart.currentVersion().ifPresent(v -> info.putMetadata(CURRENT_VERSION, Long.toString(v)));
        Duration retry = code == CartErrorCode.RATE_LIMITED || code == CartErrorCode.PROVIDER_UNAVAILABLE
                ? cart.retryAfter().orElse(Duration.ofSeconds(1)) : null;
        return answer(status(code), message(cart), info.build(), retry);
    }

    /** The gRPC status of an engine code. */
    static Status.Code status(CartErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> Status.Code.INVALID_ARGUMENT;
            case ACCESS_DENIED -> Status.Code.PERMISSION_DENIED;
            case CART_NOT_FOUND -> Status.Code.NOT_FOUND;
            case VERSION_CONFLICT -> Status.Code.ABORTED;
            case RATE_LIMITED -> Status.Code.RESOURCE_EXHAUSTED;
            case PROVIDER_UNAVAILABLE -> Status.Code.UNAVAILABLE;
            case INTERNAL -> Status.Code.INTERNAL;
            case CART_NOT_ACTIVE, IDEMPOTENCY_KEY_REUSED, PRODUCT_NOT_FOUND, COUNTRY_RESTRICTED, CURRENCY_MISMATCH,
                    INVALID_QUANTITY, QUANTITY_LIMIT, OUT_OF_STOCK, CART_LIMIT, PROMOTION_NOT_FOUND,
                    PROMOTION_EXHAUSTED, SHIPPING_NOT_AVAILABLE -> Status.Code.FAILED_PRECONDITION;
        };
    }

    private static String message(CartException cart) {
        return switch (cart.code()) {
            case INTERNAL -> "an internal error; the service logged it";
            case PROVIDER_UNAVAILABLE -> "a service the cart depends on is unavailable; retry later";
            default -> {
                String prefix = cart.code().name() + ": ";
                String message = cart.getMessage() == null ? cart.code().name() : cart.getMessage();
                yield message.startsWith(prefix) ? message.substring(prefix.length()) : message;
            }
        };
    }

    private static StatusRuntimeException answer(Status.Code code, String message, ErrorInfo info,
                                                  Duration retry) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code.value())
                .setMessage(message).addDetails(Any.pack(info));
        if (retry != null) {
            status.addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                    .setSeconds(retry.getSeconds()).setNanos(retry.getNano())).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
