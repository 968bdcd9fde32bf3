package dev.cartflow.service.grpc;

import static dev.cartflow.service.grpc.GrpcCartConformanceTest.add;

import dev.cartflow.service.grpc.v1.ApplyCodeRequest;
import dev.cartflow.service.grpc.v1.CartServiceGrpc.CartServiceBlockingStub;
import dev.cartflow.service.grpc.v1.CheckoutRequest;
import dev.cartflow.service.grpc.v1.CreateCartRequest;
import dev.cartflow.service.grpc.v1.CreateCartResponse;
import dev.cartflow.service.grpc.v1.MergeRequest;
import dev.cartflow.service.grpc.v1.SelectShippingRequest;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The business-rule codes the HTTP API answers 422, end to end over gRPC on the demo shop: each a
 * FAILED_PRECONDITION with its code as the ErrorInfo reason.
 */
class GrpcBusinessRuleConformanceTest extends GrpcTestSupport {

    @Test
    void addLine_overTheProductsMaximum_isFailedPreconditionQuantityLimit() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).addLine(add(created, "MUG", 11)), Status.Code.FAILED_PRECONDITION,
                "QUANTITY_LIMIT");
    }

    @Test
    void addLine_soldOutProduct_isFailedPreconditionOutOfStock() {
        CreateCartResponse created = newGuestCart();

        assertFails(() -> guest(created.getToken()).addLine(add(created, "PLANTER", 1)),
                Status.Code.FAILED_PRECONDITION, "OUT_OF_STOCK");
    }

    @Test
    void addLine_productNotSoldToTheCountry_isFailedPreconditionCountryRestricted() {
        CreateCartResponse created = anonymous().createCart(CreateCartRequest.newBuilder().setCurrency("EUR")
                .setCountry("NL").build());

        assertFails(() -> guest(created.getToken()).addLine(add(created, "WINE", 1)),
                Status.Code.FAILED_PRECONDITION, "COUNTRY_RESTRICTED");
    }

    @Test
    void merge_guestCartInAnotherCurrency_isFailedPreconditionCurrencyMismatch() {
        String customerId = newCustomerId();
        customer(customerId).createCart(CreateCartRequest.newBuilder().setCurrency("USD").setCountry("US").build());
        CreateCartResponse guestCart = newGuestCart();
        guest(guestCart.getToken()).addLine(add(guestCart, SKU, 1));
        CartServiceBlockingStub both = with(Map.of("Cart-Token", guestCart.getToken(),
                "Authorization", "Bearer " + customerToken(customerId)));

        assertFails(() -> both.merge(MergeRequest.newBuilder().setCartId(guestCart.getCart().getId()).build()),
                Status.Code.FAILED_PRECONDITION, "CURRENCY_MISMATCH");
    }

    @Test
    void checkout_oncePerCustomerCodeUsedBefore_isFailedPreconditionPromotionExhausted() {
        String customerId = newCustomerId();
        CartServiceBlockingStub customer = customer(customerId);
        checkoutWithHello5(customer);

        assertFails(() -> checkoutWithHello5(customer), Status.Code.FAILED_PRECONDITION, "PROMOTION_EXHAUSTED");
    }

    private static void checkoutWithHello5(CartServiceBlockingStub customer) {
        CreateCartResponse cart = customer.createCart(CreateCartRequest.newBuilder().setCurrency("EUR")
                .setCountry("DE").build());
        String id = cart.getCart().getId();
        customer.addLine(add(cart, SKU, 4)); // 50.00: above HELLO5's 40.00 minimum
        customer.applyCode(ApplyCodeRequest.newBuilder().setCartId(id).setCode("HELLO5").build());
        customer.selectShipping(SelectShippingRequest.newBuilder().setCartId(id).setMethodId(SHIPPING).build());
        customer.checkout(CheckoutRequest.newBuilder().setCartId(id).build());
    }
}
