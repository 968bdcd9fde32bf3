package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import org.junit.jupiter.api.Test;

/** The sample of docs/model.md: the product and promotion builders. */
class ModelSample {
    @Test
    void builders_productAndPromotion_valuesSetAndDefaultsKept() {
        // tag::builders[]
        Product mug = Product.builder(Sku.of("MUG"))
                .category("kitchen").brand("Acme").weightGrams(350)
                .maxQuantity(10)
                .build();

        Promotion welcome = Promotion.builder("WELCOME10")
                .code("WELCOME10")                 // no code: an automatic promotion
                .scope(Promotion.Scope.ORDER)      // default: every item line
                .percentOff("10")                  // or amountOff(money, per), or action(...)
                .maxUsesPerCustomer(1)
                .build();

        Promotion cheaper = welcome.toBuilder().priority(-1).build();
        // end::builders[]

        assertThat(mug.maxQuantity()).isEqualTo(10);
        assertThat(mug.minQuantity()).isEqualTo(Product.simple(Sku.of("MUG")).minQuantity());
        assertThat(welcome.action()).isEqualTo(new Promotion.Action.Percent(Rate.percent("10")));
        assertThat(welcome.priority()).isZero();
        assertThat(welcome.stacking()).isEqualTo(Promotion.Stacking.STACKABLE);
        assertThat(cheaper.priority()).isEqualTo(-1);
        assertThat(cheaper.code()).isEqualTo(welcome.code());
    }
}
