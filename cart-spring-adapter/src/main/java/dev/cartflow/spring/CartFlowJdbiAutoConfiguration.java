package dev.cartflow.spring;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.jdbi.JdbiAuditLog;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.jdbi.JdbiPromotionUsageStore;
import dev.cartflow.jdbi.JdbiStockReservations;
import dev.cartflow.jdbi.OutboxDispatcher;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.InventoryProvider;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * cart-jdbi on the application's {@link DataSource}: CartFlow's migrations (unless
 * {@code cartflow.jdbi.migrate=false}), the cart repository with its outbox, promotion usage, the
 * audit trail, stock reservations shared by every instance (over the application's
 * {@link InventoryProvider}, unless it has its own {@code StockReservations} or
 * {@code cartflow.jdbi.stock-reservations.enabled=false}), and the outbox dispatcher as a lifecycle bean delivering to the application's
 * {@link CartEventPublisher} (unless {@code cartflow.outbox.enabled=false}). On when cart-jdbi is on
 * the class path, a DataSource bean exists and {@code cartflow.jdbi.enabled} is not false.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({JdbiCartRepository.class, Jdbi.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "cartflow.jdbi", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CartFlowProperties.class)
public class CartFlowJdbiAutoConfiguration {

    /** The name of CartFlow's own {@code Jdbi} bean, made only when the application has none. */
    private static final String JDBI_BEAN = "cartFlowJdbi";

    /** Creates the configuration; Spring calls it. */
    public CartFlowJdbiAutoConfiguration() {
    }

    /**
     * CartFlow's schema, migrated at start-up unless disabled.
     *
     * @param dataSource the application's data source
     * @param properties the cartflow.* properties
     * @return the schema
     */
    @Bean
    @ConditionalOnMissingBean
    public CartFlowSchema cartFlowSchema(DataSource dataSource, CartFlowProperties properties) {
        CartFlowSchema schema = CartFlowSchema.of(dataSource);
        if (properties.getJdbi().isMigrate()) {
            schema.migrate();
        }
        return schema;
    }

    /**
     * The JDBI handle on the data source.
     *
     * @param dataSource the application's data source
     * @return the handle
     */
    @Bean(JDBI_BEAN)
    @ConditionalOnMissingBean
    public Jdbi cartFlowJdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }

    /**
     * The cart repository; it depends on the schema so that migrations run first. When the
     * {@code Jdbi} is CartFlow's own (the application defines none), the load by id and the save of
     * one cart take their connection from the DataSource directly ({@link
     * JdbiCartRepository.Builder#dataSource}), unless {@code cartflow.jdbi.direct-connections=false};
     * an application's own {@code Jdbi} may sit on another pool, so it is used for every statement.
     *
     * @param jdbi        the handle
     * @param schema      the migrated schema
     * @param dataSource  the application's data source
     * @param properties  the cartflow.* properties
     * @param beanFactory tells CartFlow's {@code Jdbi} from the application's
     * @return the repository
     */
    @Bean
    @ConditionalOnMissingBean(dev.cartflow.spi.CartRepository.class)
    public JdbiCartRepository jdbiCartRepository(Jdbi jdbi, CartFlowSchema schema, DataSource dataSource,
                                                 CartFlowProperties properties, BeanFactory beanFactory) {
        JdbiCartRepository.Builder builder = JdbiCartRepository.builder(jdbi);
        boolean ownJdbi = beanFactory.containsBean(JDBI_BEAN) && beanFactory.getBean(JDBI_BEAN) == jdbi;
        if (ownJdbi && properties.getJdbi().isDirectConnections()) {
            builder.dataSource(dataSource);
        }
        return builder.build();
    }

    /**
     * Promotion usage in PostgreSQL.
     *
     * @param jdbi   the handle
     * @param schema the migrated schema
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(dev.cartflow.spi.PromotionUsageStore.class)
    public JdbiPromotionUsageStore jdbiPromotionUsageStore(Jdbi jdbi, CartFlowSchema schema) {
        return JdbiPromotionUsageStore.create(jdbi);
    }

    /**
     * The audit trail in PostgreSQL.
     *
     * @param jdbi   the handle
     * @param schema the migrated schema
     * @return the audit log
     */
    @Bean
    @ConditionalOnMissingBean(dev.cartflow.spi.AuditLog.class)
    public JdbiAuditLog jdbiAuditLog(Jdbi jdbi, CartFlowSchema schema) {
        return JdbiAuditLog.create(jdbi);
    }

    /**
     * Stock reservations in PostgreSQL, shared by every instance, over the application's stock
     * levels; the engine reserves through them at checkout.
     *
     * @param jdbi       the handle
     * @param schema     the migrated schema
     * @param inventory  the application's stock levels
     * @param properties the cartflow.* properties
     * @return the reservations
     */
    @Bean
    @ConditionalOnMissingBean(dev.cartflow.spi.StockReservations.class)
    @ConditionalOnSingleCandidate(InventoryProvider.class)
    @ConditionalOnProperty(prefix = "cartflow.jdbi.stock-reservations", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    public JdbiStockReservations jdbiStockReservations(Jdbi jdbi, CartFlowSchema schema, InventoryProvider inventory,
                                                       CartFlowProperties properties) {
        return JdbiStockReservations.builder(jdbi, inventory)
                .holdFor(properties.getJdbi().getStockReservations().getHold())
                .build();
    }

    /**
     * The reservations job's work ({@link CartFlowJobs}): releasing the reservations of checkouts
     * that never stored, asking the cart repository whether each checkout completed.
     *
     * @param reservations the reservations
     * @param carts        the cart repository, looked up when the job runs
     * @return the sweep
     */
    @Bean
    @ConditionalOnBean(JdbiStockReservations.class)
    ReservationSweep cartFlowReservationSweep(JdbiStockReservations reservations, ObjectProvider<CartRepository> carts) {
        return batch -> reservations.releaseAbandoned(carts.getObject(), batch);
    }

    /**
     * The outbox dispatcher, started and stopped with the context ({@code start}/{@code stop}).
     *
     * @param jdbi       the handle
     * @param schema     the migrated schema
     * @param publisher  where events go; without one they are marked delivered and dropped
     * @param observer   the observer, if any
     * @param properties the cartflow.* properties
     * @return the dispatcher
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "cartflow.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    public OutboxDispatcher cartFlowOutboxDispatcher(Jdbi jdbi, CartFlowSchema schema,
                                                    ObjectProvider<CartEventPublisher> publisher,
                                                    ObjectProvider<CartObserver> observer,
                                                    CartFlowProperties properties) {
        CartFlowProperties.Outbox outbox = properties.getOutbox();
        OutboxDispatcher.Builder builder = OutboxDispatcher.builder(jdbi,
                        publisher.getIfUnique(() -> CartEventPublisher.NONE))
                .pollInterval(outbox.getPollInterval())
                .batchCarts(outbox.getBatchCarts())
                .degradedAfter(outbox.getDegradedAfter());
        observer.ifUnique(builder::observer);
        return builder.build();
    }
}
