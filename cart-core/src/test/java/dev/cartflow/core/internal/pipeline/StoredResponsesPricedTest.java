package dev.cartflow.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.codec.PricedCartCodec;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.tck.CommerceCarts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored checkout's priced cart goes through the one priced-cart codec, and older ones still read. */
class StoredResponsesPricedTest {
    private static CheckoutResult checkout(long seed) {
        PricedCart priced = new CommerceCarts(seed).full(new CartOwner.Customer(new CustomerId("c-1")),
                CartKind.SHOPPING).freeze().figures();
        return new CheckoutResult(priced.cart(), priced, "checkout-x-1", List.of("P1"));
    }

    @Test
    void write_checkout_pricedPartIsThePricedCartCodecDocument() {
        CheckoutResult result = checkout(1);

        assertThat(StoredResponses.write(result)).contains("\"priced\":" + PricedCartCodec.write(result.priced()));
    }

    @Test
    void readCheckout_format2StoredBeforeThePricedCodecHadAVersion_readsEqual() {
        CheckoutResult result = checkout(2);
        String stored = StoredResponses.write(result).replace("\"priced\":{\"fv\":1,", "\"priced\":{");

        assertThat(stored).doesNotContain("\"priced\":{\"fv\"");
        assertThat(StoredResponses.readCheckout(stored)).isEqualTo(result);
    }

    @Test
    void readCheckout_figuresOfANewerPricedFormat_internal() {
        String stored = StoredResponses.write(checkout(3)).replace("\"priced\":{\"fv\":1,", "\"priced\":{\"fv\":2,");

        try {
            StoredResponses.readCheckout(stored);
            throw new AssertionError("read a newer priced format");
        } catch (dev.cartflow.error.CartException e) {
            assertThat(e.code()).isEqualTo(dev.cartflow.error.CartErrorCode.INTERNAL);
        }
    }

    @Test
    void write_pricedCartWithHints_hintsReadBackEqual() {
        PricedCart plain = checkout(4).priced();
        java.util.Currency currency = plain.currency();
        PricedCart hinted = new PricedCart(plain.cart(), currency, plain.lines(), plain.subtotal(), plain.discount(),
                plain.shipping(), plain.shippingDiscount(), plain.shippingTax(), plain.tax(), plain.taxes(),
                plain.total(), plain.net(), plain.promotions(), plain.codes(), plain.priceChanges(),
                plain.exchangeRate(), plain.pricedAt(), plain.unavailableLines(), plain.fallbacks(), List.of(
                        new dev.cartflow.model.Hint(dev.cartflow.model.Hint.Subject.PROMOTION, "SPEND50",
                                dev.cartflow.model.Hint.Kind.AMOUNT, dev.cartflow.model.Money.parse("5.00", currency), 0),
                        new dev.cartflow.model.Hint(dev.cartflow.model.Hint.Subject.PROMOTION, "B2G1",
                                dev.cartflow.model.Hint.Kind.UNITS, null, 2)));

        assertThat(PricedCartCodec.read(PricedCartCodec.write(hinted))).isEqualTo(hinted);
        assertThat(PricedCartCodec.write(plain)).doesNotContain("\"hints\"");
    }
}
