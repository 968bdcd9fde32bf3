package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.Participant;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class CartsOptionsAutoConfigurationTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final CustomerId ANA = new CustomerId("ana");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowEngineAutoConfiguration.class))
            .withUserConfiguration(Shop.class);

    @Test
    void kindLimits_wishListMaxLines_enforcedOnTheWishListOnly() {
        runner.withPropertyValues("cartflow.carts.kind-limits.wish-list.max-lines=1").run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            Actor ana = Actor.customer(ANA);
            Cart wishes = engine.createNamedCart(ana, ANA, CartKind.WISH_LIST, "ideas", NewCart.of("EUR", "DE"));
            engine.addItem(ana, wishes.id(), Sku.of("MUG"), 1);
            assertThatThrownBy(() -> engine.addItem(ana, wishes.id(), Sku.of("CUP"), 1))
                    .isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_LIMIT));
            Cart shopping = engine.createCustomerCart(ana, ANA, NewCart.of("EUR", "DE"));
            engine.addItem(ana, shopping.id(), Sku.of("MUG"), 1);
            assertThat(engine.addItem(ana, shopping.id(), Sku.of("CUP"), 1).lines()).hasSize(2);
        });
    }

    @Test
    void sharing_maxParticipants_secondInvitationRefused() {
        runner.withPropertyValues("cartflow.carts.max-participants=1").run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor owner = Actor.guest(created.token());
            engine.invite(owner, created.cart().id(), Participant.Role.VIEW, false, Duration.ofHours(1), Mutation.none());
            assertThatThrownBy(() -> engine.invite(owner, created.cart().id(), Participant.Role.VIEW, false,
                    Duration.ofHours(1), Mutation.none())).isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_LIMIT));
        });
    }

    @Test
    void customers_profileBean_taxExemptCustomerPaysNoTax() {
        runner.withUserConfiguration(Profiles.class).run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            Actor ana = Actor.customer(ANA);
            Cart cart = engine.createCustomerCart(ana, ANA, NewCart.of("EUR", "DE"));
            engine.addItem(ana, cart.id(), Sku.of("MUG"), 1);
            assertThat(engine.price(ana, cart.id()).tax()).isEqualTo(Money.zero(EUR));
        });
    }

    @Test
    void freeze_defaultLongerThanMax_startUpFailsNamingTheProperties() {
        runner.withPropertyValues("cartflow.carts.default-freeze=3h", "cartflow.carts.max-freeze=2h").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.carts.default-freeze");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Shop {
        @Bean
        InMemoryCatalog catalog() {
            return new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build())
                    .put(Product.builder(Sku.of("CUP")).build());
        }

        @Bean
        InMemoryPricing pricing() {
            return new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"), Money.parse("10.00", EUR), Rate.parse("0.19")))
                    .put(PriceQuote.of(Sku.of("CUP"), Money.parse("5.00", EUR), Rate.parse("0.19")));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Profiles {
        @Bean
        CustomerProvider customers() {
            return id -> Optional.of(new CustomerProfile(null, null, null, true));
        }
    }
}
