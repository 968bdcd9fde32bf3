package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static dev.cartflow.core.internal.pricing.World.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion.Per;
import dev.cartflow.model.Promotion.Scope;
import dev.cartflow.model.Rate;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxRulesTest {

    @Test
    void price_exclusiveSeveralRates_nonCompoundingOnSameBase() {
        PricedCart p = World.eur().product("A", "10.00", "0.10", "0.05").add("A", 1).price();
        assertThat(p.tax().toDecimalString()).isEqualTo("1.50");
        assertThat(p.total().toDecimalString()).isEqualTo("11.50");
        assertThat(p.taxes()).hasSize(2);
        assertThat(line(p, "A").taxes()).extracting(t -> t.amount().toDecimalString()).containsExactly("1.00", "0.50");
    }

    @Test
    void price_inclusiveSeveralRates_eachShareRoundedOnItsOwn() {
        // 10.00 / 1.15: 10% share 0.8695.. -> 0.87, 5% share 0.4347.. -> 0.43
        PricedCart p = World.eur().inclusive().product("A", "10.00", "0.10", "0.05").add("A", 1).price();
        assertThat(line(p, "A").taxes()).extracting(t -> t.amount().toDecimalString()).containsExactly("0.87", "0.43");
        assertThat(p.tax().toDecimalString()).isEqualTo("1.30");
        assertThat(p.net().toDecimalString()).isEqualTo("8.70");
        assertThat(p.total().toDecimalString()).isEqualTo("10.00");
        assertThat(line(p, "A").total().toDecimalString()).isEqualTo("10.00");
    }

    @ParameterizedTest
    @CsvSource({"0.25,HALF_EVEN,0.02", "0.25,HALF_UP,0.03", "0.25,HALF_DOWN,0.02",
            "0.35,HALF_EVEN,0.04", "0.35,HALF_UP,0.04", "0.35,HALF_DOWN,0.03",
            "0.26,HALF_DOWN,0.03", "0.24,HALF_UP,0.02"})
    void price_roundingMode_tieBrokenByMode(String price, RoundingMode mode, String tax) {
        PricedCart p = World.eur().rounding(mode).product("A", price, "0.10").add("A", 1).price();
        assertThat(p.tax().toDecimalString()).isEqualTo(tax);
    }

    @Test
    void price_yenHasNoMinorUnit_roundsToWholeYen() {
        PricedCart p = World.eur().currency("JPY").product("A", "1005", "0.10").add("A", 1).price();
        assertThat(p.tax().toDecimalString()).isEqualTo("100");
        assertThat(p.total().toDecimalString()).isEqualTo("1105");
    }

    @Test
    void price_dinarHasThreeDigits_roundsToFils() {
        PricedCart p = World.eur().currency("KWD").product("A", "1.005", "0.05").add("A", 1).price();
        assertThat(p.tax().toDecimalString()).isEqualTo("0.050");
        assertThat(p.total().toDecimalString()).isEqualTo("1.055");
    }

    @Test
    void price_unitCalculationInclusive_splitsLineOverUnitsByLargestRemainder() {
        // 10.00 over 3 units: 3.34, 3.33, 3.33; tax each 0.53 -> 1.59 (line-level would give 1.60)
        PricedCart split = World.eur().inclusive().unitTax().product("A", "3.34", "0.19").add("A", 3)
                .promo(promo("OFF").scope(Scope.ORDER).amount("0.02", Per.ORDER)).price();
        assertThat(line(split, "A").subtotal().toDecimalString()).isEqualTo("10.02");
        assertThat(split.tax().toDecimalString()).isEqualTo("1.59");
        PricedCart lineLevel = World.eur().inclusive().product("A", "3.34", "0.19").add("A", 3)
                .promo(promo("OFF").scope(Scope.ORDER).amount("0.02", Per.ORDER)).price();
        assertThat(lineLevel.tax().toDecimalString()).isEqualTo("1.60");
    }

    @Test
    void price_unitCalculationExclusive_taxPerUnitOfDiscountedLine() {
        // 3 x 1.08 = 3.24, 10% off -> 2.92 (rounded 0.324 -> 0.32); units 0.98, 0.97, 0.97;
        // tax 0.1862 -> 0.19, 0.1843 -> 0.18, 0.18 => 0.55 (line-level: 0.5548 -> 0.55)
        PricedCart p = World.eur().unitTax().product("A", "1.08", "0.19").add("A", 3)
                .promo(promo("P").percent("10")).price();
        assertThat(p.discount().toDecimalString()).isEqualTo("0.32");
        assertThat(p.tax().toDecimalString()).isEqualTo("0.55");
        assertThat(p.total().toDecimalString()).isEqualTo("3.47");
    }

    @Test
    void price_shippingExclusive_taxedWithMethodRates() {
        PricedCart p = World.eur().product("A", "10.00", "0.07").shipping("4.90", null, "0.19").add("A", 1).price();
        assertThat(p.shipping().toDecimalString()).isEqualTo("4.90");
        assertThat(p.shippingTax().toDecimalString()).isEqualTo("0.93");
        assertThat(p.tax().toDecimalString()).isEqualTo("1.63");
        assertThat(p.total().toDecimalString()).isEqualTo("16.53");
        assertThat(p.taxes()).extracting(t -> t.rate()).containsExactly(Rate.parse("0.07"), Rate.parse("0.19"));
    }

    @Test
    void price_shippingInclusive_shippingIsGrossAndTaxContained() {
        PricedCart p = World.eur().inclusive().product("A", "11.90", "0.19").shipping("5.95", null, "0.19")
                .add("A", 1).price();
        assertThat(p.shipping().toDecimalString()).isEqualTo("5.95");
        assertThat(p.shippingTax().toDecimalString()).isEqualTo("0.95");
        assertThat(p.tax().toDecimalString()).isEqualTo("2.85");
        assertThat(p.total().toDecimalString()).isEqualTo("17.85");
        assertThat(p.net().toDecimalString()).isEqualTo("15.00");
        assertThat(p.taxes()).hasSize(1);
        assertThat(p.taxes().get(0).amount().toDecimalString()).isEqualTo("2.85");
    }

    @Test
    void price_untaxedProduct_noTax() {
        PricedCart p = World.eur().product("A", "10.00").add("A", 2).price();
        assertThat(p.tax().isZero()).isTrue();
        assertThat(p.taxes()).isEmpty();
        assertThat(p.total().toDecimalString()).isEqualTo("20.00");
    }
}
