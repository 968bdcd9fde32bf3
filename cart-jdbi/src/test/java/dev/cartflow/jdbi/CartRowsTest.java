package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CartRowsTest {
    @Test
    void lines_aggregatedRows_readAsLinesWithAndWithoutPrice() {
        Instant at = Instant.parse("1969-12-31T23:59:59.999999123Z");
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        String json = "[[\"l1\", \"sku-1\", \"default\", 3, 1299, \"EUR\", " + micros + ", " + at.getNano() % 1000 + "],"
                + " [\"l2\", \"sku-2\", \"north\", 1, null, null, 0, 0]]";

        List<LineItem> lines = CartRows.lines(json);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).id().value()).isEqualTo("l1");
        assertThat(lines.get(0).sku().value()).isEqualTo("sku-1");
        assertThat(lines.get(0).quantity()).isEqualTo(3);
        assertThat(lines.get(0).addedUnitPrice()).isEqualTo(Money.ofMinor(1299, Currency.getInstance("EUR")));
        assertThat(lines.get(0).addedAt()).isEqualTo(at);
        assertThat(lines.get(1).warehouse()).isEqualTo("north");
        assertThat(lines.get(1).addedUnitPrice()).isNull();
        assertThat(lines.get(1).addedAt()).isEqualTo(Instant.EPOCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[\"l1\", \"s\", \"w\", 1, 1, \"EUR\", 0]]", "[[\"l1\", \"s\", \"w\", \"1\", 1, \"EUR\", 0, 0]]",
            "{}", "[[\"l1\", \"s\", \"w\", 1, 1, \"EUR\", 0, 0, 9]]", "[[\"l1\", \"s\", \"w\", 1, 1, null, 0, 0]]", "[["})
    void lines_malformedStoredJson_failsAsProviderUnavailable(String json) {
        assertThatThrownBy(() -> CartRows.lines(json))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }

    @Test
    void text_anyInstant_isItsMicrosecondsInIsoForm() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59.999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:34:56.000001Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-40_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000)));
        }

        for (Instant instant : instants) {
            String text = CartRows.text(instant);
            assertThat(Instant.parse(text)).as(text).isEqualTo(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
        assertThat(CartRows.text(Instant.parse("2026-12-03T01:02:03.0000045Z"))).isEqualTo("2026-12-03T01:02:03.000004Z");
    }
}
