package dev.cartflow.service.demo;

import static dev.cartflow.service.demo.ShopClient.amount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.CartEngine;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.spring.CartFlowProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's tax over real HTTP: VAT by the cart's country (standard and reduced), and US sales tax
 * by state once the cart's address names one. The HTTP API has no address route, so the address is
 * set through the engine bean, as the page's part may later do over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoTaxHttpTest {
    @LocalServerPort
    int port;

    @Autowired
    CartEngine engine;

    @Autowired
    CartFlowProperties engineProperties;

    private BigDecimal tax(String sku, Currency currency, String rate) {
        RoundingMode rounding = engineProperties.getPricing().getRounding();
        return DemoCatalog.get(sku).price(currency).toDecimal().multiply(new BigDecimal(rate)).setScale(2, rounding);
    }

    private static DemoMarkets.Country country(String code) {
        return DemoMarkets.COUNTRIES.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void vat_standardRatedKettle_isTaxedAtTheRateOfEachCountry() {
        ShopClient.CartHandle cart = ShopClient.anonymous(port).cart("EUR", "DE");
        JsonNode inGermany = cart.add("KETTLE", 1);

        JsonNode inAustria = cart.country("AT");

        assertThat(amount(inGermany.get("totals").get("tax")))
                .isEqualByComparingTo(tax("KETTLE", DemoCatalog.EUR, country("DE").standard()));
        assertThat(amount(inAustria.get("totals").get("tax")))
                .isEqualByComparingTo(tax("KETTLE", DemoCatalog.EUR, country("AT").standard()));
        assertThat(new BigDecimal(inAustria.get("taxes").get(0).get("rate").asText()))
                .isEqualByComparingTo(country("AT").standard());
    }

    @Test
    void vat_reducedRatedTeaInFrance_isTaxedAtTheReducedRate() {
        ShopClient.CartHandle cart = ShopClient.anonymous(port).cart("EUR", "FR");

        JsonNode priced = cart.add("TEA", 3);

        BigDecimal expected = DemoCatalog.get("TEA").price(DemoCatalog.EUR).toDecimal().multiply(BigDecimal.valueOf(3))
                .multiply(new BigDecimal(country("FR").reduced()))
                .setScale(2, engineProperties.getPricing().getRounding());
        assertThat(amount(priced.get("totals").get("tax"))).isEqualByComparingTo(expected);
    }

    @Test
    void salesTax_usCartWithoutState_isUntaxedUntilTheAddressNamesCalifornia() {
        ShopClient.CartHandle cart = ShopClient.anonymous(port).cart("USD", "US");
        JsonNode withoutState = cart.add("KETTLE", 1);
        String guestToken = cart.created().get("token").asText();

        engine.changeAddress(Actor.guest(guestToken), CartId.parse(cart.id()),
                new ShippingAddress("CA", "94105", "San Francisco", List.of("1 Market St")), null);
        JsonNode inCalifornia = cart.read();

        DemoMarkets.Subdivision california = country("US").subdivisions().stream()
                .filter(s -> s.code().equals("CA")).findFirst().orElseThrow();
        assertThat(amount(withoutState.get("totals").get("tax"))).isZero();
        assertThat(amount(inCalifornia.get("totals").get("tax")))
                .isEqualByComparingTo(tax("KETTLE", DemoCatalog.USD, california.standard()));
        assertThat(new BigDecimal(inCalifornia.get("taxes").get(0).get("rate").asText()))
                .isEqualByComparingTo(california.standard());
    }

    @Test
    void salesTax_groceriesInNewYork_areUntaxed() {
        ShopClient.CartHandle cart = ShopClient.anonymous(port).cart("USD", "US");
        cart.add("TEA", 2);
        String guestToken = cart.created().get("token").asText();

        engine.changeAddress(Actor.guest(guestToken), CartId.parse(cart.id()),
                new ShippingAddress("NY", "10001", "New York", List.of("1 Broadway")), null);
        JsonNode inNewYork = cart.add("KETTLE", 1);

        DemoMarkets.Subdivision newYork = country("US").subdivisions().stream()
                .filter(s -> s.code().equals("NY")).findFirst().orElseThrow();
        assertThat(new BigDecimal(newYork.reduced())).isZero();
        assertThat(amount(inNewYork.get("totals").get("tax")))
                .isEqualByComparingTo(tax("KETTLE", DemoCatalog.USD, newYork.standard()));
    }

    @Test
    void shippingTax_standardInAustria_isTaxedAtAustriasStandardRate() {
        ShopClient.CartHandle cart = ShopClient.anonymous(port).cart("EUR", "AT");
        cart.add("MUG", 1);

        JsonNode priced = cart.shipping("STANDARD");

        BigDecimal shipping = amount(priced.get("totals").get("shipping"));
        BigDecimal expected = shipping.multiply(new BigDecimal(country("AT").standard()))
                .setScale(2, engineProperties.getPricing().getRounding());
        assertThat(shipping).isPositive();
        assertThat(amount(priced.get("totals").get("shippingTax"))).isEqualByComparingTo(expected);
    }
}
