package dev.cartflow.spring;

import dev.cartflow.spi.CartRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Whether cart-jdbi's outbox delivers the events: the repository is a {@code JdbiCartRepository}
 * (which writes each change's events into its outbox table) and an {@code OutboxDispatcher} bean
 * exists (which hands them to the {@code CartEventPublisher} bean). Then the engine must not also
 * hand them to that publisher after each change, or every event would be published twice. Asked by
 * class name, because cart-jdbi is optional.
 */
final class OutboxDelivery {
    private static final String REPOSITORY = "dev.cartflow.jdbi.JdbiCartRepository";
    private static final String DISPATCHER = "dev.cartflow.jdbi.OutboxDispatcher";

    private OutboxDelivery() {
    }

    static boolean delivers(CartRepository repository, ListableBeanFactory beans) {
        ClassLoader loader = beans instanceof ConfigurableBeanFactory configurable
                ? configurable.getBeanClassLoader() : OutboxDelivery.class.getClassLoader();
        if (!ClassUtils.isPresent(REPOSITORY, loader) || !ClassUtils.isPresent(DISPATCHER, loader)) {
            return false;
        }
        return ClassUtils.resolveClassName(REPOSITORY, loader).isInstance(repository)
                && beans.getBeanNamesForType(ClassUtils.resolveClassName(DISPATCHER, loader), false, false).length > 0;
    }
}
