package dev.cartflow.service.grpc;

import static dev.cartflow.service.grpc.GrpcCartConformanceTest.add;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Sku;
import dev.cartflow.service.grpc.v1.CartEvent;
import dev.cartflow.service.grpc.v1.CartServiceGrpc;
import dev.cartflow.service.grpc.v1.CreateCartResponse;
import dev.cartflow.service.grpc.v1.StreamEventsRequest;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** StreamEvents against the running service: changes made over HTTP or on the engine arrive live. */
class GrpcEventStreamTest extends GrpcTestSupport {
    private static final long ARRIVES_WITHIN_SECONDS = 20;

    @Test
    void streamEvents_changeMadeOverHttp_arrivesOnTheStream() throws Exception {
        CreateCartResponse created = newGuestCart();
        BlockingQueue<CartEvent> received = new LinkedBlockingQueue<>();
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            call.run(() -> stub(created.getToken()).streamEvents(request(created, created.getCart().getVersion()),
                    collect(received)));
            HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + httpPort + "/carts/" + created.getCart().getId() + "/lines"))
                    .header("Content-Type", "application/json").header("Cart-Token", created.getToken())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + SKU + "\",\"quantity\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(added.statusCode()).isEqualTo(200);

            CartEvent event = received.poll(ARRIVES_WITHIN_SECONDS, TimeUnit.SECONDS);

            assertThat(event).as("an event within %d s", ARRIVES_WITHIN_SECONDS).isNotNull();
            assertThat(event.getCartId()).isEqualTo(created.getCart().getId());
            assertThat(event.getVersion()).isGreaterThan(created.getCart().getVersion());
        } finally {
            call.cancel(null);
        }
    }

    @Test
    void streamEvents_afterAVersion_replaysTheLaterEventsThenFollowsEngineChanges() throws Exception {
        CreateCartResponse created = newGuestCart();
        long firstChange = guest(created.getToken()).addLine(add(created, SKU, 1)).getVersion();
        BlockingQueue<CartEvent> received = new LinkedBlockingQueue<>();
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            call.run(() -> stub(created.getToken()).streamEvents(request(created, created.getCart().getVersion()),
                    collect(received)));
            CartEvent replayed = received.poll(ARRIVES_WITHIN_SECONDS, TimeUnit.SECONDS);
            assertThat(replayed).isNotNull();
            assertThat(replayed.getVersion()).isEqualTo(firstChange);

            long engineChange = engine.addItem(Actor.guest(created.getToken()), CartId.parse(created.getCart().getId()),
                    Sku.of(OTHER_SKU), 1).version();

            CartEvent live = null;
            for (CartEvent next = received.poll(ARRIVES_WITHIN_SECONDS, TimeUnit.SECONDS); next != null;
                 next = received.poll(ARRIVES_WITHIN_SECONDS, TimeUnit.SECONDS)) {
                if (next.getVersion() == engineChange) {
                    live = next;
                    break;
                }
            }
            assertThat(live).as("the engine's change on the stream").isNotNull();
        } finally {
            call.cancel(null);
        }
    }

    @Test
    void streamEvents_anotherGuestsToken_endsPermissionDenied() throws Exception {
        CreateCartResponse mine = newGuestCart();
        CreateCartResponse theirs = newGuestCart();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();

        stub(theirs.getToken()).streamEvents(request(mine, 0), new StreamObserver<>() {
            @Override
            public void onNext(CartEvent value) {
                ended.completeExceptionally(new AssertionError("an event of a cart not theirs"));
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(t);
            }

            @Override
            public void onCompleted() {
                ended.completeExceptionally(new AssertionError("completed instead of refused"));
            }
        });

        Throwable failure = ended.get(ARRIVES_WITHIN_SECONDS, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(StatusRuntimeException.class);
        assertThat(((StatusRuntimeException) failure).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(errorInfo((StatusRuntimeException) failure).getReason()).isEqualTo("ACCESS_DENIED");
    }

    private CartServiceGrpc.CartServiceStub stub(String token) {
        Metadata metadata = new Metadata();
        metadata.put(GrpcCredentials.key("Cart-Token"), token);
        return CartServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    private static StreamEventsRequest request(CreateCartResponse cart, long after) {
        return StreamEventsRequest.newBuilder().setCartId(cart.getCart().getId()).setAfter(after).build();
    }

    private static StreamObserver<CartEvent> collect(BlockingQueue<CartEvent> received) {
        return new StreamObserver<>() {
            @Override
            public void onNext(CartEvent value) {
                received.add(value);
            }

            @Override
            public void onError(Throwable t) {
                // a cancelled stream ends here; the test's own assertions judge what arrived
            }

            @Override
            public void onCompleted() {
            }
        };
    }
}
