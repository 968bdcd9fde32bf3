package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.ApplyCode;
import dev.cartflow.core.CartCommand.RemoveCode;
import dev.cartflow.core.CartCommand.SelectShipping;
import dev.cartflow.core.CartCommand.SetMetadata;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regressions on the in-memory engine for text, currency and metadata input found unchecked. */
class InputHardeningTest {
    private static final Actor SERVICE = Actor.service("tests");
    private TestWorld world;
    private CartEngine engine;
    private CreatedCart guest;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        engine = world.engine();
        guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
    }

    private static void invalid(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    private void rejectedLeavingCart(Executable call) {
        Cart before = world.repository.find(guest.cart().id()).orElseThrow();
        invalid(call);
        assertThat(world.repository.find(guest.cart().id())).contains(before);
    }

    private Cart run(CartCommand command) {
        return engine.execute(guest.actor(), guest.cart().id(), command, Mutation.none());
    }

    @Test
    void createCustomerCart_customerIdsDifferingByLoneSurrogate_invalidInputSoNoCartIsShared() {
        Cart alice = engine.createCustomerCart(SERVICE, new CustomerId("alice?"), NewCart.of("EUR", "DE"));
        invalid(() -> engine.createCustomerCart(SERVICE, new CustomerId("alice\ud800"), NewCart.of("EUR", "DE")));
        invalid(() -> engine.activeCart(Actor.customer(new CustomerId("alice\udfff")), new CustomerId("alice\udfff")));
        assertThat(engine.activeCart(SERVICE, new CustomerId("alice?"))).contains(alice);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XTS"})
    void createCart_currencyWithoutMinorUnit_invalidInputInsteadOfUnpriceableCart(String code) {
        invalid(() -> engine.createGuestCart(NewCart.of(code, "DE")));
        invalid(() -> engine.createGuestCart(new NewCart(Currency.getInstance(code), "DE", null)));
        invalid(() -> engine.createCustomerCart(SERVICE, new CustomerId("c"), NewCart.of(code, "DE")));
        assertThat(world.repository.find(guest.cart().id())).isPresent();
    }

    @Test
    void newCart_loneSurrogateInCustomerGroup_invalidInput() {
        invalid(() -> new NewCart(TestWorld.EUR, "DE", "vip\ud800"));
    }

    @Test
    void execute_loneSurrogateInCodeWarehouseOrShipping_invalidInputBeforeAnyLookup() {
        rejectedLeavingCart(() -> run(new ApplyCode("SAVE10\ud800")));
        rejectedLeavingCart(() -> run(new RemoveCode("\udc00SAVE10")));
        rejectedLeavingCart(() -> run(new AddItem(new Sku("A"), 1, "default\ud800")));
        rejectedLeavingCart(() -> run(new SelectShipping("STD\udfff")));
        rejectedLeavingCart(() -> engine.execute(guest.actor(), guest.cart().id(), new CartCommand.Clear(),
                Mutation.idempotent("key\ud800")));
        invalid(() -> Actor.guest(guest.token() + "\ud800"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} trailing", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}", "{\"k\":\"\\ud800\"}",
            "{\"k\":\"\ud800\"}", "[1]"})
    void setMetadata_malformedDocument_invalidInputLeavingCart(String json) {
        rejectedLeavingCart(() -> run(new SetMetadata(json)));
    }

    @Test
    void setMetadata_numbers_storedAsWritten() {
        Cart cart = run(new SetMetadata("{ \"big\": 1e400, \"exact\": 0.1000000000000000000001, \"e\": 1e5 }"));
        assertThat(cart.metadata()).isEqualTo("{\"big\":1e400,\"exact\":0.1000000000000000000001,\"e\":1e5}");
        assertThat(world.repository.find(cart.id()).orElseThrow().metadata()).isEqualTo(cart.metadata());
    }

    @Test
    void setMetadata_underLimitWhenStored_acceptedAndNeverStoredOverIt() {
        CartEngine small = world.builder().maxMetadataBytes(16).build();
        CreatedCart cart = small.createGuestCart(NewCart.of("EUR", "DE"));
        Cart changed = small.execute(cart.actor(), cart.cart().id(), new SetMetadata("{ \"n\" : 1e5 ,  \"m\" : 1 }"),
                Mutation.none());
        assertThat(changed.metadata()).isEqualTo("{\"n\":1e5,\"m\":1}");
        assertThatThrownBy(() -> small.execute(cart.actor(), cart.cart().id(),
                new SetMetadata("{\"n\":100000,\"m\":1}"), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
