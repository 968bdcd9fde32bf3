package dev.cartflow.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** With {@code cartservice.demo.enabled=false} (a host with its own providers) the demo's data and catalog route are gone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cartservice.demo.enabled=false")
class DemoShopDisabledTest {
    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void products_demoShopDisabled_answersNotFound() {
        ShopClient.Answer answer = ShopClient.anonymous(port).get("/products");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().has("products")).isFalse();
    }

    @Test
    void context_demoShopDisabled_holdsNoDemoProvider() {
        assertThat(context.getBeansOfType(DemoPromotions.class)).isEmpty();
        assertThat(context.getBeansOfType(DemoShipping.class)).isEmpty();
        assertThat(context.getBeansOfType(ProductsResource.class)).isEmpty();
    }
}
