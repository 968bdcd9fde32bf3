package dev.cartflow.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import dev.cartflow.core.CartEngine;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import dev.cartflow.service.grpc.v1.CartServiceGrpc;
import dev.cartflow.service.grpc.v1.CreateCartRequest;
import dev.cartflow.service.grpc.v1.CreateCartResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running service (HTTP on a random port, gRPC on port 0) and a real channel to its gRPC port.
 * The demo shop's facts the tests shop with are named here, in one place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartservice.grpc.port=0")
abstract class GrpcTestSupport {
    /** A product of the demo shop, sold in EUR to DE. */
    static final String SKU = "MUG";
    /** A second product of the demo shop. */
    static final String OTHER_SKU = "TEA";
    /** A promotion code of the demo shop. */
    static final String CODE = "WELCOME10";
    /** A shipping method of the demo shop for DE. */
    static final String SHIPPING = "STANDARD";
    /** The demo shop's API key of a trusted service. */
    static final String API_KEY = "demo-order-service-key";

    @Autowired
    GrpcServer server;
    @Autowired
    CartEngine engine;
    @Autowired
    HmacTokenVerifier tokens;
    @LocalServerPort
    int httpPort;

    ManagedChannel channel;

    @BeforeEach
    void openChannel() {
        channel = ManagedChannelBuilder.forAddress("localhost", server.port()).usePlaintext().build();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A stub without credentials. */
    CartServiceGrpc.CartServiceBlockingStub anonymous() {
        return with(Map.of());
    }

    /** A stub sending these metadata entries (header names as over HTTP; gRPC lowercases them). */
    CartServiceGrpc.CartServiceBlockingStub with(Map<String, String> headers) {
        Metadata metadata = new Metadata();
        headers.forEach((name, value) -> metadata.put(GrpcCredentials.key(name), value));
        return CartServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    /** A stub with a guest's cart token. */
    CartServiceGrpc.CartServiceBlockingStub guest(String token) {
        return with(Map.of("Cart-Token", token));
    }

    /** A stub with a new customer's bearer token. */
    CartServiceGrpc.CartServiceBlockingStub customer(String customerId) {
        return with(Map.of("Authorization", "Bearer " + customerToken(customerId)));
    }

    String customerToken(String customerId) {
        return tokens.mint(new Principal.Customer(customerId), Duration.ofMinutes(10));
    }

    static String newCustomerId() {
        return "c-" + UUID.randomUUID();
    }

    /** A new guest cart in EUR for DE. */
    CreateCartResponse newGuestCart() {
        return anonymous().createCart(CreateCartRequest.newBuilder().setCurrency("EUR").setCountry("DE").build());
    }

    /** Runs a call that must fail and answers its failure. */
    static StatusRuntimeException failure(ThrowingCallable call) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(failure).as("the call fails with a status").isNotNull();
        return failure;
    }

    /** The ErrorInfo of a failure, which every failure carries. */
    static ErrorInfo errorInfo(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        assertThat(status).as("a google.rpc.Status in the trailers").isNotNull();
        return status.getDetailsList().stream().filter(d -> d.is(ErrorInfo.class)).findFirst().map(d -> {
            try {
                return d.unpack(ErrorInfo.class);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }).orElseThrow(() -> new AssertionError("no ErrorInfo in " + status));
    }

    /** Asserts a failure's status code and ErrorInfo reason. */
    static void assertFails(ThrowingCallable call, Status.Code code, String reason) {
        StatusRuntimeException failure = failure(call);
        assertThat(failure.getStatus().getCode()).as("status of " + failure).isEqualTo(code);
        ErrorInfo info = errorInfo(failure);
        assertThat(info.getReason()).isEqualTo(reason);
        assertThat(info.getDomain()).isEqualTo(GrpcErrors.DOMAIN);
    }
}
