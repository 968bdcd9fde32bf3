package dev.cartflow.service.http;

import dev.cartflow.service.PromotionDescriptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The JSON views, with the shop's promotion descriptions when it has a bean for them. */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    CartViews cartViews(ObjectProvider<PromotionDescriptions> descriptions) {
        return new CartViews(descriptions.getIfAvailable(() -> promotionId -> null));
    }
}
