package dev.cartflow.benchmarks;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** The restore drill's shop: 25 products at fixed prices, carts in PostgreSQL through cart-jdbi. */
final class DrillShop {
    /** The actor every drill operation runs as. */
    static final Actor DRILL = Actor.service("restore-drill");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final int SKUS = 25;

    private DrillShop() {
    }

    /** The engine of the shop over the carts of one server. */
    static CartEngine engine(DataSource data) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (int i = 0; i < SKUS; i++) {
            Sku sku = sku(i);
            catalog.put(Product.builder(sku).build());
            pricing.put(PriceQuote.of(sku, Money.ofMinor(199 + 37L * i, EUR), Rate.parse(i % 2 == 0 ? "0.19" : "0.07")));
        }
        return CartEngine.builder()
                .repository(JdbiCartRepository.builder(Jdbi.create(data)).build())
                .catalog(catalog)
                .pricing(pricing)
                .build();
    }

    /**
     * Guest carts with lines added, re-counted, removed and cleared at random, so that versions and
     * outbox rows differ per cart.
     *
     * @return the ids of the carts made, in order
     */
    static List<CartId> fill(CartEngine engine, int carts, Random random) {
        List<CartId> ids = new ArrayList<>();
        for (int c = 0; c < carts; c++) {
            CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
            ids.add(id);
            int changes = 1 + random.nextInt(8);
            for (int i = 0; i < changes; i++) {
                Cart cart = engine.get(DRILL, id);
                int pick = random.nextInt(10);
                if (cart.lines().isEmpty() || pick < 6) {
                    engine.addItem(DRILL, id, sku(random.nextInt(SKUS)), 1 + random.nextInt(4));
                } else if (pick < 8) {
                    LineItem line = cart.lines().get(random.nextInt(cart.lines().size()));
                    engine.setQuantity(DRILL, id, line.id(), 1 + random.nextInt(9));
                } else if (pick < 9) {
                    engine.removeLines(DRILL, id, cart.lines().get(0).id());
                } else {
                    engine.clear(DRILL, id);
                }
            }
        }
        return ids;
    }

    private static Sku sku(int i) {
        return Sku.of("DRILL-" + i);
    }
}
