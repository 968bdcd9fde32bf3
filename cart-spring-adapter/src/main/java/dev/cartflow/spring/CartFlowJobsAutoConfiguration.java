package dev.cartflow.spring;

import dev.cartflow.core.CartEngine;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The maintenance jobs ({@link CartFlowJobs}), on unless {@code cartflow.jobs.enabled=false}; with
 * {@code cartflow.jobs.single-instance} (the default) and a DataSource, only the instance holding
 * a PostgreSQL advisory lock runs them. With cart-jdbi's stock reservations on, the
 * {@code reservations} job releases those of checkouts that never stored.
 */
@AutoConfiguration(after = CartFlowEngineAutoConfiguration.class)
@ConditionalOnBean(CartEngine.class)
@ConditionalOnProperty(prefix = "cartflow.jobs", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CartFlowJobProperties.class)
public class CartFlowJobsAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CartFlowJobsAutoConfiguration() {
    }

    /**
     * The jobs.
     *
     * @param engine     the engine
     * @param properties the cartflow.jobs.* properties
     * @param dataSource the application's data source, if any
     * @param reservations the release of abandoned stock reservations, when they are in PostgreSQL
     * @return the lifecycle bean
     */
    @Bean
    @ConditionalOnMissingBean
    public CartFlowJobs cartFlowJobs(CartEngine engine, CartFlowJobProperties properties,
                                     ObjectProvider<DataSource> dataSource,
                                     ObjectProvider<ReservationSweep> reservations) {
        DataSource db = properties.isSingleInstance() ? dataSource.getIfUnique() : null;
        JobLeadership leadership = db == null ? JobLeadership.EVERY_INSTANCE
                : new AdvisoryLockLeadership(db, properties.getLockKey());
        return new CartFlowJobs(engine, properties, leadership, reservations.getIfUnique());
    }
}
