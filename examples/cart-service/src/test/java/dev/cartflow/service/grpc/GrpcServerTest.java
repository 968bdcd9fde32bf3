package dev.cartflow.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.service.grpc.v1.CartEvent;
import dev.cartflow.service.grpc.v1.CartServiceGrpc;
import dev.cartflow.service.grpc.v1.StreamEventsRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server's lifecycle: a free port for 0, health while running, and a bounded graceful stop. */
class GrpcServerTest {

    /** A service whose event stream never ends by itself, as a live client's does not. */
    private static final class EndlessStream extends CartServiceGrpc.CartServiceImplBase {
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void streamEvents(StreamEventsRequest request, StreamObserver<CartEvent> answer) {
            opened.countDown();
        }
    }

    @Test
    void stop_openStream_cancelsItAfterTheGraceAndRefusesNewCalls() throws Exception {
        EndlessStream service = new EndlessStream();
        GrpcServer server = new GrpcServer(0, Duration.ofMillis(300), service);
        server.start();
        int port = server.port();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try {
            HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            CartServiceGrpc.newStub(channel).streamEvents(StreamEventsRequest.getDefaultInstance(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(CartEvent value) {
                        }

                        @Override
                        public void onError(Throwable t) {
                            ended.complete(t);
                        }

                        @Override
                        public void onCompleted() {
                            ended.complete(null);
                        }
                    });
            assertThat(service.opened.await(30, TimeUnit.SECONDS)).isTrue();

            server.stop();

            assertThat(server.isRunning()).isFalse();
            Throwable end = ended.get(30, TimeUnit.SECONDS);
            assertThat(end).isInstanceOf(StatusRuntimeException.class);
            assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            server.stop();
        }
    }

    @Test
    void start_portZero_bindsAFreePort() {
        GrpcServer server = new GrpcServer(0, Duration.ofSeconds(1), new EndlessStream());
        server.start();
        try {
            assertThat(server.isRunning()).isTrue();
            assertThat(server.port()).isPositive();
        } finally {
            server.stop();
        }
    }
}
