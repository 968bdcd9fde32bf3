package dev.cartflow.service.demo;

import static dev.cartflow.service.demo.ShopClient.amount;
import static dev.cartflow.service.demo.ShopClient.hints;
import static dev.cartflow.service.demo.ShopClient.promotion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.model.Money;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.spring.CartFlowProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of demo promotion fires on a cart built through the HTTP API. Each expectation is
 * computed from the demo data (the product's price, the promotion's action and thresholds) and the
 * engine's rounding, never copied from a response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoPromotionsHttpTest {
    private static final Currency EUR = DemoCatalog.EUR;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @LocalServerPort
    int port;

    @Autowired
    CartFlowProperties engineProperties;

    private ShopClient.CartHandle guestCart(String currency, String country) {
        return ShopClient.anonymous(port).cart(currency, country);
    }

    private BigDecimal price(String sku, Currency currency) {
        return DemoCatalog.get(sku).price(currency).toDecimal();
    }

    private BigDecimal percentOf(BigDecimal base, String promotionId) {
        BigDecimal fraction = ((Action.Percent) DemoPromotions.get(promotionId).action()).fraction().toDecimal();
        return base.multiply(fraction).setScale(2, rounding());
    }

    private RoundingMode rounding() {
        return engineProperties.getPricing().getRounding();
    }

    private static BigDecimal actionAmount(String promotionId) {
        return ((Action.Amount) DemoPromotions.get(promotionId).action()).amount().toDecimal();
    }

    private static BigDecimal minSubtotal(String promotionId) {
        return DemoPromotions.get(promotionId).conditions().minSubtotal().toDecimal();
    }

    private static void assertGave(JsonNode cart, String promotionId, String result, BigDecimal expected) {
        JsonNode p = promotion(cart, promotionId);
        assertThat(p.get("result").asText()).as(promotionId).isEqualTo(result);
        assertThat(amount(p.get("amount"))).as(promotionId).isEqualByComparingTo(expected);
        assertThat(p.get("description").asText()).isEqualTo(DemoPromotions.describe(promotionId));
    }

    @Test
    void percentOffCategory_shoesInTheCart_takesTheShareOffEachShoeLine() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");

        JsonNode priced = cart.add("RUNNER", 2);

        BigDecimal expected = percentOf(price("RUNNER", EUR).multiply(TWO), "SHOES10");
        assertGave(priced, "SHOES10", "APPLIED", expected);
        assertThat(amount(priced.get("totals").get("discount"))).isEqualByComparingTo(expected);
    }

    @Test
    void percentOffBrand_andAnotherCategoryPromotion_bothApplyBecauseTheyCombine() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("HOODIE", 1);

        JsonNode priced = cart.add("SANDAL", 1);

        BigDecimal brand = percentOf(price("HOODIE", EUR), "NORDLYS15");
        BigDecimal shoes = percentOf(price("SANDAL", EUR), "SHOES10");
        assertGave(priced, "NORDLYS15", "APPLIED", brand);
        assertGave(priced, "SHOES10", "APPLIED", shoes);
        assertThat(amount(priced.get("totals").get("discount"))).isEqualByComparingTo(brand.add(shoes));
    }

    @Test
    void amountOffPerUnit_threeVoltixCables_takesTheAmountThreeTimes() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");

        JsonNode priced = cart.add("CABLE", 3);

        assertGave(priced, "VOLTIX2-EUR", "APPLIED", actionAmount("VOLTIX2-EUR").multiply(BigDecimal.valueOf(3)));
    }

    @Test
    void buyXGetY_threePairsOfSocks_givesTheCheapestPairFree() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("SOCKS-WOOL", 2);

        JsonNode priced = cart.add("SOCKS-SPORT", 1);

        BigDecimal cheapest = price("SOCKS-WOOL", EUR).min(price("SOCKS-SPORT", EUR));
        assertGave(priced, "SOCKS3FOR2", "APPLIED", cheapest);
    }

    @Test
    void buyXGetY_twoPairsOnly_hintsTheOneMissingPair() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");

        JsonNode priced = cart.add("SOCKS-WOOL", 2);

        Action.BuyXGetY action = (Action.BuyXGetY) DemoPromotions.get("SOCKS3FOR2").action();
        assertThat(promotion(priced, "SOCKS3FOR2").get("result").asText()).isEqualTo("CONDITION_NOT_MET");
        assertThat(hints(priced, "SOCKS3FOR2")).singleElement()
                .satisfies(h -> assertThat(h.get("missingUnits").asLong()).isEqualTo(action.buy() + 1 - 2));
    }

    @Test
    void fixedPrice_tShirtsInDollars_costTheFixedPriceEach() {
        ShopClient.CartHandle cart = guestCart("USD", "US");

        JsonNode priced = cart.add("TEE-WHITE", 2);

        Money fixed = ((Action.FixedPrice) DemoPromotions.get("TEES-USD").action()).unitPrice();
        BigDecimal expected = price("TEE-WHITE", DemoCatalog.USD).subtract(fixed.toDecimal())
                .multiply(TWO);
        assertGave(priced, "TEES-USD", "APPLIED", expected);
        assertThat(priced.get("promotions").toString()).doesNotContain("TEES-EUR");
    }

    @Test
    void minQuantity_coffeeBelowThenAtTheMinimum_hintsThenApplies() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        long minimum = DemoPromotions.get("COFFEE3").conditions().minQuantity();

        JsonNode below = cart.add("GROUND", 1);
        JsonNode reached = cart.add("GROUND", (int) minimum - 1);

        assertThat(promotion(below, "COFFEE3").get("result").asText()).isEqualTo("CONDITION_NOT_MET");
        assertThat(hints(below, "COFFEE3")).singleElement()
                .satisfies(h -> assertThat(h.get("missingUnits").asLong()).isEqualTo(minimum - 1));
        BigDecimal expected = percentOf(price("GROUND", EUR).multiply(BigDecimal.valueOf(minimum)), "COFFEE3");
        assertGave(reached, "COFFEE3", "APPLIED", expected);
        assertThat(hints(reached, "COFFEE3")).isEmpty();
    }

    @Test
    void tieredMinSubtotal_oneHeadphone_getsTheLowerTierAndAHintForTheHigher() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");

        JsonNode priced = cart.add("HEADPHONES", 1);

        assertGave(priced, "ELEC10-EUR", "APPLIED", actionAmount("ELEC10-EUR"));
        assertThat(promotion(priced, "ELEC30-EUR").get("result").asText()).isEqualTo("CONDITION_NOT_MET");
        BigDecimal missing = minSubtotal("ELEC30-EUR").subtract(price("HEADPHONES", EUR));
        assertThat(hints(priced, "ELEC30-EUR")).singleElement()
                .satisfies(h -> assertThat(amount(h.get("missingAmount"))).isEqualByComparingTo(missing));
    }

    @Test
    void exclusiveTiers_twoHeadphonesAndShoes_keepOnlyTheBestExclusiveOption() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("RUNNER", 1);

        JsonNode priced = cart.add("HEADPHONES", 2);

        // the higher tier alone gives more than the shoes' percentage with nothing exclusive
        BigDecimal tier = actionAmount("ELEC30-EUR");
        assertThat(tier).isGreaterThan(percentOf(price("RUNNER", EUR), "SHOES10"));
        assertGave(priced, "ELEC30-EUR", "APPLIED", tier);
        assertThat(promotion(priced, "ELEC10-EUR").get("result").asText()).isEqualTo("EXCLUDED");
        assertThat(promotion(priced, "SHOES10").get("result").asText()).isEqualTo("EXCLUDED");
        assertThat(amount(priced.get("totals").get("discount"))).isEqualByComparingTo(tier);
    }

    @Test
    void customerGroup_membersCart_getsTheMembersPercentage() {
        ShopClient.CartHandle cart = ShopClient.anonymous(port)
                .cart(Map.of("currency", "EUR", "country", "DE", "customerGroup", "members"));

        JsonNode priced = cart.add("MUG", 2);

        assertGave(priced, "MEMBERS5", "APPLIED", percentOf(price("MUG", EUR).multiply(TWO), "MEMBERS5"));
    }

    @Test
    void customerGroup_cartWithoutGroup_doesNotGetTheMembersPercentage() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");

        JsonNode priced = cart.add("MUG", 2);

        assertThat(promotion(priced, "MEMBERS5").get("result").asText()).isEqualTo("CONDITION_NOT_MET");
        assertThat(amount(priced.get("totals").get("discount"))).isZero();
    }

    @Test
    void percentOffOrderCode_welcome10_takesTenPercentOfTheOrder() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("MUG", 2);

        JsonNode priced = cart.code("WELCOME10");

        assertGave(priced, "WELCOME10", "APPLIED",
                percentOf(price("MUG", EUR).multiply(TWO), "WELCOME10"));
        assertThat(priced.get("codes").get(0).get("state").asText()).isEqualTo("APPLIED");
    }

    @Test
    void amountOffOrderCodeWithMinimum_belowThenAbove_hintsThenTakesTheAmount() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("KETTLE", 1);

        JsonNode below = cart.code("save5");
        JsonNode above = cart.add("TEA", 2);

        BigDecimal subtotal = price("KETTLE", EUR);
        assertThat(subtotal).isLessThan(minSubtotal("SAVE5-EUR"));
        assertThat(promotion(below, "SAVE5-EUR").get("result").asText()).isEqualTo("CONDITION_NOT_MET");
        assertThat(hints(below, "SAVE5-EUR")).singleElement().satisfies(h -> assertThat(amount(h.get("missingAmount")))
                .isEqualByComparingTo(minSubtotal("SAVE5-EUR").subtract(subtotal)));
        assertThat(subtotal.add(price("TEA", EUR).multiply(TWO))).isGreaterThanOrEqualTo(minSubtotal("SAVE5-EUR"));
        assertGave(above, "SAVE5-EUR", "APPLIED", actionAmount("SAVE5-EUR"));
    }

    @Test
    void cappedPercentage_spring15OnATent_isCutToItsMaxDiscount() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("TENT", 1);

        JsonNode priced = cart.code("SPRING15");

        Promotion spring = DemoPromotions.get("SPRING15-EUR");
        BigDecimal cap = spring.maxDiscount().toDecimal();
        assertThat(percentOf(price("TENT", EUR), "SPRING15-EUR")).isGreaterThan(cap);
        assertGave(priced, "SPRING15-EUR", "CAPPED", cap);
    }

    @Test
    void limitedUsesCode_flash20OnAJacket_takesItsPercentage() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("JACKET", 1);

        JsonNode priced = cart.code("FLASH20");

        assertThat(DemoPromotions.get("FLASH20").maxUses()).isPositive();
        assertGave(priced, "FLASH20", "APPLIED", percentOf(price("JACKET", EUR), "FLASH20"));
    }

    @Test
    void amountOffPerLineCode_kitchen3OnTwoKitchenLines_takesTheAmountPerLine() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("MUG", 2);
        cart.add("KETTLE", 1);

        JsonNode priced = cart.code("KITCHEN3");

        assertGave(priced, "KITCHEN3-EUR", "APPLIED", actionAmount("KITCHEN3-EUR").multiply(TWO));
    }

    @Test
    void freeShippingWithMinQuantity_twoBooksBelowTheThreshold_takesTheWholeShipping() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("BOOK-ALPS", 2);

        JsonNode priced = cart.shipping("STANDARD");

        DemoShipping.Offer standard = standardIn("DE", EUR);
        assertThat(price("BOOK-ALPS", EUR).multiply(TWO)).isLessThan(standard.freeAbove().toDecimal());
        assertGave(priced, "BOOKSHIP", "APPLIED", standard.price().toDecimal());
        assertThat(amount(priced.get("totals").get("shippingDiscount")))
                .isEqualByComparingTo(standard.price().toDecimal());
    }

    @Test
    void freeShippingCode_freeshipOnAMug_takesTheWholeShipping() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("MUG", 1);
        cart.shipping("STANDARD");

        JsonNode priced = cart.code("FREESHIP");

        assertGave(priced, "FREESHIP", "APPLIED", standardIn("DE", EUR).price().toDecimal());
    }

    @Test
    void freeAbove_perCountry_franceHasItsOwnPriceAndThreshold() {
        ShopClient.CartHandle cart = guestCart("EUR", "FR");
        cart.add("MUG", 1);

        JsonNode priced = cart.shipping("STANDARD");

        DemoShipping.Offer france = standardIn("FR", EUR);
        assertThat(france.price()).isNotEqualTo(standardIn("DE", EUR).price());
        assertThat(amount(priced.get("totals").get("shipping"))).isEqualByComparingTo(france.price().toDecimal());
        assertThat(hints(priced, "shipping")).singleElement().satisfies(h -> assertThat(amount(h.get("missingAmount")))
                .isEqualByComparingTo(france.freeAbove().toDecimal().subtract(price("MUG", EUR))));
    }

    @Test
    void perCustomerCode_hello5_appliesOnceThenIsSpentForThatCustomer() {
        String customer = "hello-" + Long.toHexString(System.nanoTime());
        String token = ShopClient.ok(ShopClient.anonymous(port).post("/demo/sign-in", Map.of("customerId", customer)))
                .get("token").asText();
        ShopClient alice = ShopClient.customer(port, token);
        ShopClient.CartHandle first = alice.cart("EUR", "DE");
        first.add("MUG", 1);

        JsonNode firstPriced = first.code("HELLO5");
        int firstCheckout = first.checkout().status();
        ShopClient.CartHandle second = alice.cart("EUR", "DE");
        second.add("MUG", 1);
        JsonNode secondPriced = second.code("HELLO5");
        ShopClient.Answer secondCheckout = second.checkout();

        assertGave(firstPriced, "HELLO5-EUR", "APPLIED", actionAmount("HELLO5-EUR"));
        assertThat(firstCheckout).isEqualTo(200);
        assertThat(promotion(secondPriced, "HELLO5-EUR").get("result").asText()).isEqualTo("EXHAUSTED");
        assertThat(secondCheckout.status()).isEqualTo(422);
        assertThat(secondCheckout.body().get("code").asText()).isEqualTo("PROMOTION_EXHAUSTED");
    }

    @Test
    void perCustomerCode_guestCart_isSpentBecauseAGuestHasNoIdentity() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("MUG", 1);

        JsonNode priced = cart.code("HELLO5");

        assertThat(promotion(priced, "HELLO5-EUR").get("result").asText()).isEqualTo("EXHAUSTED");
    }

    @Test
    void stopFurther_vip25_appliesAndStopsTheCodesAndShippingPromotionsAfterIt() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("MUG", 2);
        cart.shipping("STANDARD");
        cart.code("FREESHIP");

        JsonNode priced = cart.code("VIP25");

        assertThat(DemoPromotions.get("VIP25").priority()).isLessThan(DemoPromotions.get("FREESHIP").priority());
        assertGave(priced, "VIP25", "APPLIED", percentOf(price("MUG", EUR).multiply(TWO), "VIP25"));
        assertThat(promotion(priced, "FREESHIP").get("result").asText()).isEqualTo("STOPPED");
        assertThat(amount(priced.get("totals").get("shippingDiscount"))).isZero();
    }

    @Test
    void countryCondition_bonjour_appliesInFranceOnly() {
        ShopClient.CartHandle cart = guestCart("EUR", "DE");
        cart.add("MUG", 2);

        JsonNode inGermany = cart.code("BONJOUR");
        JsonNode inFrance = cart.country("FR");

        assertThat(promotion(inGermany, "BONJOUR").get("result").asText()).isEqualTo("CONDITION_NOT_MET");
        assertGave(inFrance, "BONJOUR", "APPLIED", percentOf(price("MUG", EUR).multiply(TWO), "BONJOUR"));
    }

    private static DemoShipping.Offer standardIn(String country, Currency currency) {
        return DemoShipping.offers(currency).stream()
                .filter(o -> o.id().equals("STANDARD") && o.countries().contains(country)).findFirst().orElseThrow();
    }
}
