package dev.cartflow.service.grpc;

import static dev.cartflow.service.grpc.GrpcCartConformanceTest.add;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.service.grpc.v1.AddLineRequest;
import dev.cartflow.service.grpc.v1.ApplyCodeRequest;
import dev.cartflow.service.grpc.v1.Cart;
import dev.cartflow.service.grpc.v1.CartServiceGrpc.CartServiceBlockingStub;
import dev.cartflow.service.grpc.v1.CheckoutRequest;
import dev.cartflow.service.grpc.v1.CreateCartRequest;
import dev.cartflow.service.grpc.v1.CreateCartResponse;
import dev.cartflow.service.grpc.v1.GetCartRequest;
import dev.cartflow.service.grpc.v1.GetCustomerCartRequest;
import dev.cartflow.service.grpc.v1.ListLinesRequest;
import dev.cartflow.service.grpc.v1.MergeRequest;
import dev.cartflow.service.grpc.v1.SelectShippingRequest;
import dev.cartflow.service.grpc.v1.SetMetadataRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The failures of the gRPC API against the running service: credentials, each error code the demo
 * shop can produce as its status and ErrorInfo reason, strict versions and idempotency.
 */
class GrpcFailureConformanceTest extends GrpcTestSupport {

    @Test
    void getCart_withoutCredentials_isUnauthenticated() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> anonymous().getCart(get(created)), Status.Code.UNAUTHENTICATED, GrpcErrors.UNAUTHENTICATED);
    }

    @Test
    void getCart_bearerTokenThatDoesNotVerify_isUnauthenticated() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub forged = with(Map.of("Authorization", "Bearer not.a.token",
                "Cart-Token", created.getToken()));

        assertFails(() -> forged.getCart(get(created)), Status.Code.UNAUTHENTICATED, GrpcErrors.UNAUTHENTICATED);
    }

    @Test
    void getCart_unknownApiKey_isUnauthenticated() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> with(Map.of("X-Api-Key", "not-a-key")).getCart(get(created)), Status.Code.UNAUTHENTICATED,
                GrpcErrors.UNAUTHENTICATED);
    }

    @Test
    void getCart_anotherGuestsToken_isPermissionDenied() {
        CreateCartResponse mine = newGuestCart();
        CreateCartResponse theirs = newGuestCart();

        assertFails(() -> guest(theirs.getToken()).getCart(get(mine)), Status.Code.PERMISSION_DENIED, "ACCESS_DENIED");
    }

    @Test
    void getCart_serviceAskingForAMissingCart_isNotFound() {
        String missing = CartId.random().toString();

        assertFails(() -> with(Map.of("X-Api-Key", API_KEY)).getCart(GetCartRequest.newBuilder().setCartId(missing)
                .build()), Status.Code.NOT_FOUND, "CART_NOT_FOUND");
    }

    @Test
    void getCustomerCart_customerWithoutCart_isNotFound() {
        assertFails(() -> with(Map.of("X-Api-Key", API_KEY)).getCustomerCart(GetCustomerCartRequest.newBuilder()
                .setCustomerId(newCustomerId()).build()), Status.Code.NOT_FOUND, "CART_NOT_FOUND");
    }

    @Test
    void getCart_malformedCartId_isInvalidArgument() {
        assertFails(() -> guest("t").getCart(GetCartRequest.newBuilder().setCartId("not a cart id").build()),
                Status.Code.INVALID_ARGUMENT, "INVALID_INPUT");
    }

    @Test
    void createCart_unknownCurrencyOrMissingCountry_isInvalidArgument() {
        assertFails(() -> anonymous().createCart(CreateCartRequest.newBuilder().setCurrency("EURO").setCountry("DE")
                .build()), Status.Code.INVALID_ARGUMENT, "INVALID_INPUT");
        assertFails(() -> anonymous().createCart(CreateCartRequest.newBuilder().setCurrency("EUR").build()),
                Status.Code.INVALID_ARGUMENT, "INVALID_INPUT");
    }

    @Test
    void listLines_limitPastThePage_isInvalidArgument() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).listLines(ListLinesRequest.newBuilder()
                .setCartId(created.getCart().getId()).setLimit(501).build()), Status.Code.INVALID_ARGUMENT,
                "INVALID_INPUT");
    }

    @Test
    void setMetadata_notAnObject_isInvalidArgument() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).setMetadata(SetMetadataRequest.newBuilder()
                .setCartId(created.getCart().getId()).setMetadataJson("[1, 2]").build()),
                Status.Code.INVALID_ARGUMENT, "INVALID_INPUT");
    }

    @Test
    void addLine_unknownProduct_isFailedPreconditionProductNotFound() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).addLine(add(created, "NO-SUCH-PRODUCT", 1)),
                Status.Code.FAILED_PRECONDITION, "PRODUCT_NOT_FOUND");
    }

    @Test
    void addLine_noUnits_isFailedPreconditionInvalidQuantity() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).addLine(add(created, SKU, 0)), Status.Code.FAILED_PRECONDITION,
                "INVALID_QUANTITY");
    }

    @Test
    void applyCode_unknownCode_isFailedPreconditionPromotionNotFound() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).applyCode(ApplyCodeRequest.newBuilder()
                .setCartId(created.getCart().getId()).setCode("NO-SUCH-CODE").build()),
                Status.Code.FAILED_PRECONDITION, "PROMOTION_NOT_FOUND");
    }

    @Test
    void selectShipping_unknownMethod_isFailedPreconditionShippingNotAvailable() {
        CreateCartResponse created = newGuestCart();
        guest(created.getToken()).addLine(add(created, SKU, 1));

        assertFails(() -> guest(created.getToken()).selectShipping(SelectShippingRequest.newBuilder()
                .setCartId(created.getCart().getId()).setMethodId("NO-SUCH-METHOD").build()),
                Status.Code.FAILED_PRECONDITION, "SHIPPING_NOT_AVAILABLE");
    }

    @Test
    void addLine_checkedOutCart_isFailedPreconditionCartNotActive() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        guest.addLine(add(created, SKU, 1));
        guest.selectShipping(SelectShippingRequest.newBuilder().setCartId(created.getCart().getId())
                .setMethodId(SHIPPING).build());
        guest.checkout(CheckoutRequest.newBuilder().setCartId(created.getCart().getId()).build());

        assertFails(() -> guest.addLine(add(created, SKU, 1)), Status.Code.FAILED_PRECONDITION, "CART_NOT_ACTIVE");
    }

    @Test
    void merge_withoutTheCustomersBearerToken_isUnauthenticated() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).merge(MergeRequest.newBuilder()
                .setCartId(created.getCart().getId()).build()), Status.Code.UNAUTHENTICATED,
                GrpcErrors.UNAUTHENTICATED);
    }

    @Test
    void addLine_staleExpectedVersion_isAbortedWithTheCurrentVersion() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        long seen = created.getCart().getVersion();
        guest.addLine(add(created, SKU, 1));

        StatusRuntimeException failure = failure(() -> guest.addLine(add(created, OTHER_SKU, 1).toBuilder()
                .setExpectedVersion(seen).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        long current = engine.get(Actor.guest(created.getToken()), CartId.parse(created.getCart().getId())).version();
        assertThat(errorInfo(failure).getReason()).isEqualTo("VERSION_CONFLICT");
        assertThat(errorInfo(failure).getMetadataMap()).containsEntry(GrpcErrors.CURRENT_VERSION,
                Long.toString(current));
    }

    @Test
    void addLine_currentExpectedVersion_isApplied() {
        CreateCartResponse created = newGuestCart();

        Cart cart = guest(created.getToken()).addLine(add(created, SKU, 1).toBuilder()
                .setExpectedVersion(created.getCart().getVersion()).build());

        assertThat(cart.getVersion()).isEqualTo(created.getCart().getVersion() + 1);
    }

    @Test
    void addLine_repeatedWithItsIdempotencyKey_answersTheFirstAnswerWithoutAddingAgain() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        AddLineRequest request = add(created, SKU, 2).toBuilder().setIdempotencyKey(UUID.randomUUID().toString())
                .build();

        Cart first = guest.addLine(request);
        Cart repeat = guest.addLine(request);

        assertThat(repeat.getVersion()).isEqualTo(first.getVersion());
        assertThat(repeat.getLines(0).getQuantity()).isEqualTo(2);
        assertThat(engine.get(Actor.guest(created.getToken()), CartId.parse(first.getId())).version())
                .isEqualTo(first.getVersion());
    }

    @Test
    void addLine_idempotencyKeyReusedForAnotherRequest_isFailedPreconditionKeyReused() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        String key = UUID.randomUUID().toString();
        guest.addLine(add(created, SKU, 1).toBuilder().setIdempotencyKey(key).build());

        assertFails(() -> guest.addLine(add(created, OTHER_SKU, 1).toBuilder().setIdempotencyKey(key).build()),
                Status.Code.FAILED_PRECONDITION, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void createCart_repeatedWithItsIdempotencyKey_answersTheSameCart() {
        CreateCartRequest request = CreateCartRequest.newBuilder().setCurrency("EUR").setCountry("DE")
                .setIdempotencyKey(UUID.randomUUID().toString()).build();

        CreateCartResponse first = anonymous().createCart(request);
        CreateCartResponse repeat = anonymous().createCart(request);

        assertThat(repeat.getCart().getId()).isEqualTo(first.getCart().getId());
        assertThat(repeat.getToken()).isEqualTo(first.getToken());
        assertFails(() -> anonymous().createCart(request.toBuilder().setCountry("AT").build()),
                Status.Code.FAILED_PRECONDITION, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void failures_anyStatus_neverCarryInternals() {
        StatusRuntimeException failure = failure(() -> guest("t").getCart(GetCartRequest.newBuilder()
                .setCartId("not a cart id").build()));

        assertThat(failure.getStatus().getDescription()).doesNotContain("Exception", "dev.cartflow", "\tat ");
    }

    private static GetCartRequest get(CreateCartResponse created) {
        return GetCartRequest.newBuilder().setCartId(created.getCart().getId()).build();
    }
}
