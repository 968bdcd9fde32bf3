package dev.cartflow.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import com.google.protobuf.TypeRegistry;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.service.grpc.v1.Cart;
import dev.cartflow.service.grpc.v1.CreateCartResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The grpc-call command against the running service: its answers are the service's, as JSON. */
class GrpcCallTest extends GrpcTestSupport {

    @Test
    void run_createAddGet_printsTheCartsAsJson() throws Exception {
        Outcome created = call("create", "--currency=EUR", "--country=DE");
        assertThat(created.status()).as(created.err()).isZero();
        CreateCartResponse.Builder response = CreateCartResponse.newBuilder();
        JsonFormat.parser().merge(created.out(), response);
        String id = response.getCart().getId();
        String token = response.getToken();

        Outcome added = call("add", "--cart=" + id, "--token=" + token, "--sku=" + SKU, "--quantity=2");
        Outcome got = call("get", "--cart=" + id, "--token=" + token);

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(got.status()).as(got.err()).isZero();
        Cart.Builder cart = Cart.newBuilder();
        JsonFormat.parser().merge(got.out(), cart);
        PricedCart priced = engine.price(Actor.guest(token), CartId.parse(id));
        assertThat(cart.getLines(0).getQuantity()).isEqualTo(2);
        assertThat(cart.getTotals().getTotal()).isEqualTo(CartMessages.money(priced.total()));
        // money prints as protobuf's JSON: units as a string, never a floating number
        assertThat(got.out()).contains("\"currencyCode\": \"EUR\"");
    }

    @Test
    void run_refusedCall_exitsFailedAndPrintsTheStatusWithItsReason() throws Exception {
        CreateCartResponse mine = newGuestCart();

        Outcome refused = call("get", "--cart=" + mine.getCart().getId(), "--token=not-the-token");

        assertThat(refused.status()).isEqualTo(GrpcCall.FAILED);
        Status.Builder status = Status.newBuilder();
        JsonFormat.parser().usingTypeRegistry(TypeRegistry.newBuilder().add(ErrorInfo.getDescriptor()).build())
                .merge(refused.err(), status);
        assertThat(status.getDetails(0).unpack(ErrorInfo.class).getReason()).isEqualTo("ACCESS_DENIED");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void run_unknownOperationOrMissingOption_exitsWithUsage() {
        assertThat(call("explode").status()).isEqualTo(GrpcCall.USAGE);
        assertThat(call("add", "--sku=" + SKU).status()).isEqualTo(GrpcCall.USAGE);
        assertThat(call("add", "--cart=x", "--sku=" + SKU, "--quantity=many").status()).isEqualTo(GrpcCall.USAGE);
    }

    private Outcome call(String... args) {
        String[] withTarget = new String[args.length + 1];
        withTarget[0] = "--target=localhost:" + server.port();
        System.arraycopy(args, 0, withTarget, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GrpcCall.run(withTarget, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int status, String out, String err) {
    }
}
