package dev.cartflow.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.PricedCart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {
    @Test
    void run_shortFlow_printsLinesAndTotals() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PricedCart priced = Quickstart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String printed = buffer.toString(StandardCharsets.UTF_8);

        // 2 x 12.50 + 2 x 4.20 = 33.40; 10 % off the order = 3.34; shipping 4.90 (below 50.00).
        assertThat(priced.subtotal().toDecimalString()).isEqualTo("33.40");
        assertThat(priced.discount().toDecimalString()).isEqualTo("3.34");
        assertThat(priced.shipping().toDecimalString()).isEqualTo("4.90");
        assertThat(printed).contains("MUG", "TEA", "WELCOME10", "Total");
    }
}
