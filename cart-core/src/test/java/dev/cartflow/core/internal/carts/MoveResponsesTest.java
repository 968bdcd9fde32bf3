package dev.cartflow.core.internal.carts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.LineMoveResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored response of a move: both carts round-trip; what cannot be read is our data, so INTERNAL. */
class MoveResponsesTest {
    private static Cart cart(int quantity, long version) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new Cart(CartId.random(), new CartOwner.Customer(new CustomerId("alice")), null,
                Currency.getInstance("EUR"), "DE", CartState.ACTIVE, version,
                List.of(new LineItem(new LineId("l1"), Sku.of("A"), quantity, "default", null, at)), List.of(), null,
                "{}", at, at, at.plusSeconds(60), null);
    }

    @Test
    void read_written_bothCartsBack() {
        LineMoveResult result = new LineMoveResult(cart(1, 4), cart(3, 2));

        LineMoveResult read = MoveResponses.read(MoveResponses.write(result));

        assertThat(read).isEqualTo(result);
    }

    @Test
    void read_otherKindOrBrokenJson_internal() {
        for (String stored : new String[] {"{\"format\":2,\"kind\":\"cart\",\"cart\":{}}", "not json", "[]",
                "{\"format\":2,\"kind\":\"move\",\"from\":{},\"to\":{}}"}) {
            assertThatThrownBy(() -> MoveResponses.read(stored)).as(stored).isInstanceOf(CartException.class)
                    .extracting("code").isEqualTo(CartErrorCode.INTERNAL);
        }
    }
}
