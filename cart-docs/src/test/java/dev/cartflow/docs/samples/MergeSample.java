package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.merge.MergeLine;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The samples of docs/merge.md: a guest cart merged into the customer's cart at sign-in. */
class MergeSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(Product.builder(Sku.of("MUG")).maxQuantity(3).build())
            .put(Product.builder(Sku.of("PEN")).build());
    private final CartEngine engine = CartEngine.builder()
            .repository(new InMemoryCartRepository())
            .catalog(catalog)
            .pricing(new InMemoryPricing()
                    .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.00", EUR), Rate.ZERO))
                    .put(PriceQuote.of(Sku.of("PEN"), Money.parse("3.00", EUR), Rate.ZERO)))
            .promotions(new InMemoryPromotions()
                    .put(Promotion.builder("WELCOME10").code("WELCOME10").percentOff("10").build()))
            .build();
    private final CustomerId anna = new CustomerId("anna");

    @Test
    void merge_sum_quantitiesAddGuestLinesCopiedCodesUnited() {
        // tag::sign-in[]
        // before sign-in: a guest cart with 1 mug, 2 pens and a code
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("MUG"), 1);
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("PEN"), 2);
        engine.applyCode(guest.actor(), guest.cart().id(), "WELCOME10");
        // the customer's own cart from an earlier visit: 1 mug
        Actor customer = Actor.customer(anna);
        Cart own = engine.createCustomerCart(customer, anna, NewCart.of("EUR", "DE"));
        engine.addItem(customer, own.id(), Sku.of("MUG"), 1);

        // at sign-in the shop passes the guest cart's id and token it held
        MergeResult result = engine.merge(customer,
                new MergeRequest(guest.cart().id(), guest.token(), anna, MergePolicy.SUM));

        assertThat(result.cart().id()).isEqualTo(own.id());
        assertThat(result.lines()).extracting(MergeLine::sku, MergeLine::resultQuantity, MergeLine::outcome)
                .containsExactly(tuple(Sku.of("MUG"), 2, MergeLine.Outcome.COMBINED),   // 1 + 1
                        tuple(Sku.of("PEN"), 2, MergeLine.Outcome.ADDED));              // copied after
        assertThat(result.cart().codes()).containsExactly("WELCOME10");
        assertThat(result.guestCart().state()).isEqualTo(CartState.MERGED);
        // end::sign-in[]

        assertThat(engine.get(customer, own.id()).lines()).extracting(LineItem::sku, LineItem::quantity)
                .containsExactly(tuple(Sku.of("MUG"), 2), tuple(Sku.of("PEN"), 2));
        assertThat(engine.get(Actor.support("staff-1", "test"), guest.cart().id()).state()).isEqualTo(CartState.MERGED);
    }

    @Test
    void previewMerge_eachPolicy_quantityOfTheSkuOnBothCarts() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("PEN"), 4);
        Actor customer = Actor.customer(anna);
        Cart own = engine.createCustomerCart(customer, anna, NewCart.of("EUR", "DE"));
        engine.addItem(customer, own.id(), Sku.of("PEN"), 3);

        // tag::policies[]
        // 4 pens on the guest cart, 3 on the customer's
        Map<MergePolicy, Integer> pens = new EnumMap<>(MergePolicy.class);
        for (MergePolicy policy : MergePolicy.values()) {
            MergeResult preview = engine.previewMerge(customer,
                    new MergeRequest(guest.cart().id(), guest.token(), anna, policy));   // writes nothing
            pens.put(policy, preview.cart().lines().get(0).quantity());
        }
        assertThat(pens).containsExactly(Map.entry(MergePolicy.SUM, 7), Map.entry(MergePolicy.MAX, 4),
                Map.entry(MergePolicy.GUEST_WINS, 4), Map.entry(MergePolicy.CUSTOMER_WINS, 3));
        // end::policies[]

        assertThat(pens.get(MergePolicy.SUM)).isEqualTo(4 + 3);
        assertThat(pens.get(MergePolicy.MAX)).isEqualTo(Math.max(4, 3));
        assertThat(engine.get(guest.actor(), guest.cart().id()).state()).as("a preview writes nothing")
                .isEqualTo(CartState.ACTIVE);
    }

    @Test
    void merge_overMaxQuantityAndVanishedProduct_clampedAndDroppedNeverFailing() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor customer = Actor.customer(anna);
        Cart own = engine.createCustomerCart(customer, anna, NewCart.of("EUR", "DE"));
        // tag::clamp[]
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("MUG"), 2);
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("PEN"), 1);
        engine.addItem(customer, own.id(), Sku.of("MUG"), 2);
        catalog.remove(Sku.of("PEN"));                       // the pen left the catalog meanwhile

        MergeResult result = engine.merge(customer,
                new MergeRequest(guest.cart().id(), guest.token(), anna, MergePolicy.SUM));
        assertThat(result.lines()).extracting(MergeLine::sku, MergeLine::resultQuantity, MergeLine::outcome,
                        MergeLine::reason)
                .containsExactly(tuple(Sku.of("MUG"), 3, MergeLine.Outcome.CLAMPED, "QUANTITY_LIMIT"), // 2 + 2 > max 3
                        tuple(Sku.of("PEN"), 0, MergeLine.Outcome.DROPPED, "PRODUCT_NOT_FOUND"));
        // end::clamp[]

        assertThat(result.dropped()).hasSize(1);
        assertThat(engine.get(customer, own.id()).lines()).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(Math.min(2 + 2, 3)));
    }

    @Test
    void merge_sameGuestCartAgain_firstResultNoChange() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("PEN"), 1);
        Actor customer = Actor.customer(anna);
        Cart own = engine.createCustomerCart(customer, anna, NewCart.of("EUR", "DE"));
        engine.addItem(customer, own.id(), Sku.of("PEN"), 1);
        // tag::idempotent[]
        MergeRequest request = new MergeRequest(guest.cart().id(), guest.token(), anna, MergePolicy.SUM);
        MergeResult first = engine.merge(customer, request);
        MergeResult again = engine.merge(customer, request);     // a retried sign-in, or a second tab

        assertThat(again.cart()).isEqualTo(first.cart());         // same lines, same version: nothing added twice
        // end::idempotent[]

        assertThat(engine.get(customer, own.id()).version()).isEqualTo(first.cart().version());
        assertThat(engine.get(customer, own.id()).lines().get(0).quantity()).isEqualTo(1 + 1);
    }

    @Test
    void merge_customerWithoutCart_guestCartBecomesTheirs() {
        // tag::adopt[]
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("PEN"), 1);

        MergeResult result = engine.merge(Actor.customer(anna),
                new MergeRequest(guest.cart().id(), guest.token(), anna, MergePolicy.SUM));
        assertThat(result.cart().id()).isEqualTo(guest.cart().id());    // the same cart, now the customer's
        assertThat(result.cart().customerId()).contains(anna);
        assertThat(result.cart().state()).isEqualTo(CartState.ACTIVE);
        assertThat(result.lines()).extracting(MergeLine::outcome).containsExactly(MergeLine.Outcome.ADDED);
        // end::adopt[]

        assertThat(engine.activeCart(Actor.customer(anna), anna)).hasValueSatisfying(
                c -> assertThat(c.id()).isEqualTo(guest.cart().id()));
    }
}
