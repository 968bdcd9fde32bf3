package dev.cartflow.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every engine code as the gRPC status shared/API.md gives it, with its ErrorInfo. */
class GrpcErrorsTest {
    /** shared/API.md's error table: the HTTP status of each code (a version conflict without If-Match). */
    private static final Map<CartErrorCode, Integer> HTTP_STATUS = httpStatuses();
    /** The gRPC status for each HTTP status of that table. */
    private static final Map<Integer, Status.Code> BY_HTTP_STATUS = Map.of(400, Status.Code.INVALID_ARGUMENT,
            403, Status.Code.PERMISSION_DENIED, 404, Status.Code.NOT_FOUND, 409, Status.Code.FAILED_PRECONDITION,
            422, Status.Code.FAILED_PRECONDITION, 429, Status.Code.RESOURCE_EXHAUSTED, 500, Status.Code.INTERNAL,
            503, Status.Code.UNAVAILABLE);

    @ParameterizedTest
    @EnumSource(CartErrorCode.class)
    void of_everyCode_answersTheStatusOfItsHttpRowAndItsReason(CartErrorCode code) {
        StatusRuntimeException answer = GrpcErrors.of(new CartException(code, code.name() + ": what went wrong"),
                "Test");

        // a version conflict is ABORTED over gRPC (HTTP tells 409 and 412 apart by If-Match)
        Status.Code expected = code == CartErrorCode.VERSION_CONFLICT ? Status.Code.ABORTED
                : BY_HTTP_STATUS.get(HTTP_STATUS.get(code));
        assertThat(answer.getStatus().getCode()).isEqualTo(expected);
        assertThat(GrpcTestSupport.errorInfo(answer).getReason()).isEqualTo(code.name());
        assertThat(GrpcTestSupport.errorInfo(answer).getDomain()).isEqualTo("cartflow.dev");
    }

    @ParameterizedTest
    @EnumSource(value = CartErrorCode.class, names = {"RATE_LIMITED", "PROVIDER_UNAVAILABLE"})
    void of_retryableCode_carriesRetryInfo(CartErrorCode code) throws InvalidProtocolBufferException {
        CartException failure = code == CartErrorCode.RATE_LIMITED
                ? CartException.rateLimited(Duration.ofSeconds(7), "slow down")
                : CartException.providerUnavailable("pricing is down", new IllegalStateException("down"));

        com.google.rpc.Status status = StatusProto.fromThrowable(GrpcErrors.of(failure, "Test"));

        RetryInfo retry = status.getDetailsList().stream().filter(d -> d.is(RetryInfo.class)).findFirst()
                .orElseThrow().unpack(RetryInfo.class);
        long expectedSeconds = failure.retryAfter().orElse(Duration.ofSeconds(1)).getSeconds();
        assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(expectedSeconds);
    }

    @Test
    void of_versionConflict_carriesTheCurrentVersion() {
        StatusRuntimeException answer = GrpcErrors.of(CartException.versionConflict(42, "stale"), "Test");

        assertThat(GrpcTestSupport.errorInfo(answer).getMetadataMap())
                .containsEntry(GrpcErrors.CURRENT_VERSION, "42");
    }

    @Test
    void of_unexpectedFailure_isInternalWithoutItsCause() {
        StatusRuntimeException answer = GrpcErrors.of(
                new IllegalStateException("boom", new SQLException("select * from carts")), "Test");

        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(GrpcTestSupport.errorInfo(answer).getReason()).isEqualTo(CartErrorCode.INTERNAL.name());
        assertThat(answer.getStatus().getDescription()).doesNotContain("boom", "select", "Exception");
        assertThat(answer.getStatus().getCause()).isNull();
    }

    private static Map<CartErrorCode, Integer> httpStatuses() {
        Map<CartErrorCode, Integer> statuses = new EnumMap<>(CartErrorCode.class);
        for (CartErrorCode code : CartErrorCode.values()) {
            statuses.put(code, 422);
        }
        statuses.putAll(Map.of(CartErrorCode.INVALID_INPUT, 400, CartErrorCode.ACCESS_DENIED, 403,
                CartErrorCode.CART_NOT_FOUND, 404, CartErrorCode.VERSION_CONFLICT, 409,
                CartErrorCode.CART_NOT_ACTIVE, 409, CartErrorCode.RATE_LIMITED, 429, CartErrorCode.INTERNAL, 500,
                CartErrorCode.PROVIDER_UNAVAILABLE, 503));
        return statuses;
    }
}
