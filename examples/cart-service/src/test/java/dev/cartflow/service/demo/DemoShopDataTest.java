package dev.cartflow.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.Destination;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo data holds together: what other parts rely on, and what every row needs. */
class DemoShopDataTest {

    @Test
    void offers_everyPromotion_hasADescriptionAndAUniqueId() {
        List<String> ids = DemoPromotions.OFFERS.stream().map(o -> o.promotion().id()).toList();

        assertThat(ids).doesNotHaveDuplicates();
        DemoPromotions.OFFERS.forEach(o -> assertThat(o.description()).as(o.promotion().id()).isNotBlank());
    }

    @Test
    void offers_automaticPromotions_neverTargetTheMugOrTheTea() {
        for (String sku : List.of("MUG", "TEA")) {
            DemoCatalog.Item item = DemoCatalog.get(sku);
            List<String> targeting = DemoPromotions.OFFERS.stream().map(DemoPromotions.Offer::promotion)
                    .filter(p -> !p.coded() && p.conditions().customerGroups().isEmpty())
                    .filter(p -> p.target().matches(Sku.of(sku), item.category(), item.brand()))
                    .map(Promotion::id).toList();
            assertThat(targeting).as(sku).isEmpty();
        }
    }

    @Test
    void inCurrency_eachCurrency_getsOneTwinOfEveryPromotionWithAnAmount() {
        Set<String> euro = DemoPromotions.inCurrency(DemoCatalog.EUR).map(Promotion::id).collect(Collectors.toSet());
        Set<String> dollar = DemoPromotions.inCurrency(DemoCatalog.USD).map(Promotion::id).collect(Collectors.toSet());

        assertThat(euro).contains("SAVE5-EUR", "WELCOME10").doesNotContain("SAVE5-USD");
        assertThat(dollar).contains("SAVE5-USD", "WELCOME10").doesNotContain("SAVE5-EUR");
        assertThat(euro).hasSameSizeAs(dollar);
    }

    @Test
    void tax_everyCountryAndState_ratesBothCategories() {
        InMemoryTax tax = DemoMarkets.tax();
        for (DemoMarkets.Country country : DemoMarkets.COUNTRIES) {
            if (country.standard() != null) {
                assertThat(tax.rates(Destination.country(country.code()), Set.of(DemoCatalog.STANDARD, DemoCatalog.REDUCED)))
                        .as(country.code()).containsOnlyKeys(DemoCatalog.STANDARD, DemoCatalog.REDUCED);
            }
            for (DemoMarkets.Subdivision state : country.subdivisions()) {
                assertThat(tax.rates(new Destination(country.code(), state.code(), null), Set.of(DemoCatalog.STANDARD)))
                        .as(state.code()).containsKey(DemoCatalog.STANDARD);
            }
        }
    }

    @Test
    void shipping_everyCountry_hasAStandardMethodInItsOwnCurrency() {
        for (DemoMarkets.Country country : DemoMarkets.COUNTRIES) {
            Currency currency = Currency.getInstance(country.currency());

            assertThat(DemoShipping.offers(currency)).as(country.code())
                    .anyMatch(o -> o.id().equals("STANDARD") && o.countries().contains(country.code()));
        }
    }

    @Test
    void stock_everyTrackedProduct_hasADefaultWarehouseLevel() {
        Set<String> tracked = DemoStock.LEVELS.stream().map(DemoStock.Level::sku).collect(Collectors.toSet());

        // a product tracked only elsewhere would be unlimited when a line names no warehouse
        for (String sku : tracked) {
            assertThat(DemoStock.LEVELS).as(sku)
                    .anyMatch(l -> l.sku().equals(sku) && l.warehouse().equals("default"));
            assertThat(DemoCatalog.item(sku)).as(sku).isPresent();
        }
    }
}
